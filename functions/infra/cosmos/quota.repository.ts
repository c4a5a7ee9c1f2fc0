import type { Container } from '@azure/cosmos';
import type { QuotaRecord } from '../../../shared/domain/quota';
import type { Page, PageRequest, Versioned } from '../../../shared/domain/record';
import type { QuotaFilter, QuotaRepository } from '../../../shared/domain/repositories';
import { StoreBackedRepository, type QueryClause } from './record-store';

export class CosmosQuotaRepository extends StoreBackedRepository<QuotaRecord> implements QuotaRepository {
  constructor(container: Container) {
    // Sorted by period, then subject: a year's quotas read in calendar order.
    super(container, 'quota', (quota) => ({ sortKey: `${quota.period}\u0001${quota.subjectType}\u0001${quota.subjectId}`, searchText: '' }));
  }

  list(tenantId: string, filter: QuotaFilter, page: PageRequest): Promise<Page<Versioned<QuotaRecord>>> {
    const clauses: QueryClause[] = [];
    if (filter.subjectType) clauses.push({ sql: 'c.subjectType = @subjectType', parameters: [{ name: '@subjectType', value: filter.subjectType }] });
    if (filter.subjectId) clauses.push({ sql: 'c.subjectId = @subjectId', parameters: [{ name: '@subjectId', value: filter.subjectId }] });
    if (filter.year) clauses.push({ sql: 'STARTSWITH(c.period, @year)', parameters: [{ name: '@year', value: filter.year }] });
    if (filter.visibleTo) {
      clauses.push({
        sql: "((c.subjectType = 'user' AND c.subjectId = @me) OR (c.subjectType = 'team' AND ARRAY_CONTAINS(@myTeams, c.subjectId)))",
        parameters: [
          { name: '@me', value: filter.visibleTo.userId },
          { name: '@myTeams', value: filter.visibleTo.teamIds },
        ],
      });
    }
    return this.store.page(tenantId, clauses, filter, page);
  }
}
