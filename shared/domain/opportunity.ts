/** PLACEHOLDER owned by the opportunities feature: replace wholesale. */
import type { RecordBase } from './record';
import type { RecordRepository } from './repositories';

export interface OpportunityRecord extends RecordBase {
  ownerId: string;
}

export type OpportunityRepository = RecordRepository<OpportunityRecord>;
