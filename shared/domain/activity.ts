/** PLACEHOLDER owned by the activities feature: replace wholesale. */
import type { RecordBase } from './record';
import type { RecordRepository } from './repositories';

export interface ActivityRecord extends RecordBase {
  ownerId: string;
}

export type ActivityRepository = RecordRepository<ActivityRecord>;
