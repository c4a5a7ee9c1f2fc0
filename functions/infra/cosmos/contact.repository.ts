import type { Container } from '@azure/cosmos';
import { contactSearchText, contactSortKey, type ContactRecord } from '../../../shared/domain/contact';
import type { Page, PageRequest, Versioned } from '../../../shared/domain/record';
import type { ContactFilter, ContactRepository } from '../../../shared/domain/repositories';
import { keywordClauses } from './keyword-clauses';
import { StoreBackedRepository, type QueryClause } from './record-store';

export class CosmosContactRepository extends StoreBackedRepository<ContactRecord> implements ContactRepository {
  constructor(container: Container) {
    super(container, 'contact', (contact) => ({ sortKey: contactSortKey(contact), searchText: contactSearchText(contact) }));
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
