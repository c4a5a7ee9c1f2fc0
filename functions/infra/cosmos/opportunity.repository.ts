/** PLACEHOLDER owned by the opportunities feature: replace wholesale. */
import type { Container } from '@azure/cosmos';
import type { OpportunityRecord, OpportunityRepository } from '../../../shared/domain/opportunity';
import { buildSortKey } from '../../../shared/domain/text-normalization';
import { RecordStore } from './record-store';

export class CosmosOpportunityRepository implements OpportunityRepository {
  private readonly store: RecordStore<OpportunityRecord>;

  constructor(container: Container) {
    this.store = new RecordStore<OpportunityRecord>(container, 'opportunity', (record) => ({ sortKey: buildSortKey(record.id, record.id), searchText: '' }));
  }

  get(tenantId: string, id: string) {
    return this.store.get(tenantId, id);
  }

  getMany(tenantId: string, ids: string[]) {
    return this.store.getMany(tenantId, ids);
  }

  create(record: OpportunityRecord) {
    return this.store.create(record);
  }

  replace(record: OpportunityRecord, etag: string) {
    return this.store.replace(record, etag);
  }
}
