/** PLACEHOLDER owned by the import/export feature: replace wholesale. */
import type { RecordBase } from './record';
import type { RecordRepository } from './repositories';

export interface ImportJobRecord extends RecordBase {
  ownerId: string;
}

export type ImportJobRepository = RecordRepository<ImportJobRecord>;
