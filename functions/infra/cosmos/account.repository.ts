import type { Container } from '@azure/cosmos';
import { accountSearchText, accountSortKey, type AccountRecord } from '../../../shared/domain/account';
import type { Page, PageRequest, Versioned } from '../../../shared/domain/record';
import type { AccountFilter, AccountRepository } from '../../../shared/domain/repositories';
import { keywordClauses } from './keyword-clauses';
import { StoreBackedRepository, type QueryClause } from './record-store';

export class CosmosAccountRepository extends StoreBackedRepository<AccountRecord> implements AccountRepository {
  constructor(container: Container) {
    super(container, 'account', (account) => ({ sortKey: accountSortKey(account), searchText: accountSearchText(account) }));
  }

  list(tenantId: string, filter: AccountFilter, page: PageRequest): Promise<Page<Versioned<AccountRecord>>> {
    const clauses: QueryClause[] = [...keywordClauses(filter.keywords)];
    if (filter.type) clauses.push({ sql: 'c.type = @type', parameters: [{ name: '@type', value: filter.type }] });
    if (filter.industry) clauses.push({ sql: 'c.industry = @industry', parameters: [{ name: '@industry', value: filter.industry }] });
    if (filter.ownerId) clauses.push({ sql: 'c.ownerId = @ownerId', parameters: [{ name: '@ownerId', value: filter.ownerId }] });
    return this.store.page(tenantId, clauses, filter, page);
  }
}
