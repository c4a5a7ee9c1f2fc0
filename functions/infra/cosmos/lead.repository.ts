/** Leads in Cosmos, over the shared record store (ETags, audit, keyset paging, keyword search). */
import type { Container } from '@azure/cosmos';
import { leadSearchText, leadSortKey, type LeadFilter, type LeadRecord, type LeadRepository } from '../../../shared/domain/lead';
import type { Page, PageRequest, Versioned } from '../../../shared/domain/record';
import { keywordClauses, ownerClauses } from './keyword-clauses';
import { StoreBackedRepository, type QueryClause } from './record-store';

/** Equality filters: field of the record → its filter value. */
const EQUALS = ['status', 'ownerId', 'source'] as const;

export class CosmosLeadRepository extends StoreBackedRepository<LeadRecord> implements LeadRepository {
  constructor(container: Container) {
    super(container, 'lead', (lead) => ({ sortKey: leadSortKey(lead), searchText: leadSearchText(lead) }));
  }

  async list(tenantId: string, filter: LeadFilter, page: PageRequest): Promise<Page<Versioned<LeadRecord>>> {
    const clauses: QueryClause[] = [...keywordClauses(filter.keywords), ...ownerClauses(filter.visibleOwners)];
    for (const field of EQUALS) {
      const value = filter[field];
      if (value !== undefined) clauses.push({ sql: `c.${field} = @${field}`, parameters: [{ name: `@${field}`, value }] });
    }
    return this.store.page(tenantId, clauses, filter, page);
  }
}
