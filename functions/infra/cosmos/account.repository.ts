import type { Container } from '@azure/cosmos';
import { accountSearchText, accountSortKey, type AccountRecord } from '../../../shared/domain/account';
import type { Page, PageRequest, SyncPosition, Versioned } from '../../../shared/domain/record';
import type { AccountFilter, AccountRepository } from '../../../shared/domain/repositories';
import { RecordStore, type QueryClause } from './record-store';
import { keywordClauses } from './keyword-clauses';

export class CosmosAccountRepository implements AccountRepository {
  private readonly store: RecordStore<AccountRecord>;

  constructor(container: Container) {
    this.store = new RecordStore<AccountRecord>(container, 'account', (account) => ({
      sortKey: accountSortKey(account),
      searchText: accountSearchText(account),
    }));
  }

  get(tenantId: string, id: string) {
    return this.store.get(tenantId, id);
  }

  getMany(tenantId: string, ids: string[]) {
    return this.store.getMany(tenantId, ids);
  }

  create(record: AccountRecord) {
    return this.store.create(record);
  }

  replace(record: AccountRecord, etag: string) {
    return this.store.replace(record, etag);
  }

  changesSince(tenantId: string, after: SyncPosition | undefined, settledBefore: number, limit: number) {
    return this.store.changesSince(tenantId, after, settledBefore, limit);
  }

  list(tenantId: string, filter: AccountFilter, page: PageRequest): Promise<Page<Versioned<AccountRecord>>> {
    const clauses: QueryClause[] = [...keywordClauses(filter.keywords)];
    if (filter.type) clauses.push({ sql: 'c.type = @type', parameters: [{ name: '@type', value: filter.type }] });
    if (filter.industry) clauses.push({ sql: 'c.industry = @industry', parameters: [{ name: '@industry', value: filter.industry }] });
    if (filter.ownerId) clauses.push({ sql: 'c.ownerId = @ownerId', parameters: [{ name: '@ownerId', value: filter.ownerId }] });
    return this.store.page(tenantId, clauses, filter, page);
  }
}
