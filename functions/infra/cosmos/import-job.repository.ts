/** PLACEHOLDER owned by the import/export feature: replace wholesale. */
import type { Container } from '@azure/cosmos';
import type { ImportJobRecord, ImportJobRepository } from '../../../shared/domain/import-job';
import { buildSortKey } from '../../../shared/domain/text-normalization';
import { RecordStore } from './record-store';

export class CosmosImportJobRepository implements ImportJobRepository {
  private readonly store: RecordStore<ImportJobRecord>;

  constructor(container: Container) {
    this.store = new RecordStore<ImportJobRecord>(container, 'import-job', (record) => ({ sortKey: buildSortKey(record.id, record.id), searchText: '' }));
  }

  get(tenantId: string, id: string) {
    return this.store.get(tenantId, id);
  }

  getMany(tenantId: string, ids: string[]) {
    return this.store.getMany(tenantId, ids);
  }

  create(record: ImportJobRecord) {
    return this.store.create(record);
  }

  replace(record: ImportJobRecord, etag: string) {
    return this.store.replace(record, etag);
  }
}
