/** PLACEHOLDER owned by the activities feature: replace wholesale. */
import type { Container } from '@azure/cosmos';
import type { ActivityRecord, ActivityRepository } from '../../../shared/domain/activity';
import { buildSortKey } from '../../../shared/domain/text-normalization';
import { RecordStore } from './record-store';

export class CosmosActivityRepository implements ActivityRepository {
  private readonly store: RecordStore<ActivityRecord>;

  constructor(container: Container) {
    this.store = new RecordStore<ActivityRecord>(container, 'activity', (record) => ({ sortKey: buildSortKey(record.id, record.id), searchText: '' }));
  }

  get(tenantId: string, id: string) {
    return this.store.get(tenantId, id);
  }

  getMany(tenantId: string, ids: string[]) {
    return this.store.getMany(tenantId, ids);
  }

  create(record: ActivityRecord) {
    return this.store.create(record);
  }

  replace(record: ActivityRecord, etag: string) {
    return this.store.replace(record, etag);
  }
}
