import type { Container } from '@azure/cosmos';
import { contactSearchText, contactSortKey, type ContactRecord } from '../../../shared/domain/contact';
import type { Page, PageRequest, SyncPosition, Versioned } from '../../../shared/domain/record';
import type { ContactFilter, ContactRepository } from '../../../shared/domain/repositories';
import { keywordClauses } from './keyword-clauses';
import { RecordStore, type QueryClause } from './record-store';

export class CosmosContactRepository implements ContactRepository {
  private readonly store: RecordStore<ContactRecord>;

  constructor(container: Container) {
    this.store = new RecordStore<ContactRecord>(container, 'contact', (contact) => ({
      sortKey: contactSortKey(contact),
      searchText: contactSearchText(contact),
    }));
  }

  get(tenantId: string, id: string) {
    return this.store.get(tenantId, id);
  }

  getMany(tenantId: string, ids: string[]) {
    return this.store.getMany(tenantId, ids);
  }

  create(record: ContactRecord) {
    return this.store.create(record);
  }

  replace(record: ContactRecord, etag: string) {
    return this.store.replace(record, etag);
  }

  changesSince(tenantId: string, after: SyncPosition | undefined, settledBefore: number, limit: number) {
    return this.store.changesSince(tenantId, after, settledBefore, limit);
  }

  list(tenantId: string, filter: ContactFilter, page: PageRequest): Promise<Page<Versioned<ContactRecord>>> {
    const clauses: QueryClause[] = [...keywordClauses(filter.keywords)];
    if (filter.accountId) clauses.push({ sql: 'c.accountId = @accountId', parameters: [{ name: '@accountId', value: filter.accountId }] });
    if (filter.ownerId) clauses.push({ sql: 'c.ownerId = @ownerId', parameters: [{ name: '@ownerId', value: filter.ownerId }] });
    return this.store.page(tenantId, clauses, filter, page);
  }

  listWithStaleAccountName(tenantId: string, accountId: string, accountName: string, limit: number) {
    return this.store.find(
      tenantId,
      [
        {
          sql: 'c.accountId = @accountId AND (NOT IS_DEFINED(c.accountName) OR c.accountName != @accountName)',
          parameters: [
            { name: '@accountId', value: accountId },
            { name: '@accountName', value: accountName },
          ],
        },
      ],
      limit,
    );
  }
}
