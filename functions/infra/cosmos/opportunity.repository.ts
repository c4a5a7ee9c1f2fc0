import type { Container } from '@azure/cosmos';
import {
  opportunitySearchText,
  opportunitySortKey,
  type OpportunityFilter,
  type OpportunityRecord,
  type OpportunityRepository,
  type OpportunityStatus,
} from '../../../shared/domain/opportunity';
import type { Page, PageRequest, Versioned } from '../../../shared/domain/record';
import { keywordClauses, ownerClauses } from './keyword-clauses';
import { StoreBackedRepository, type QueryClause } from './record-store';

/** Equality filters: field of the record → its filter value. */
const EQUALS = ['accountId', 'ownerId', 'stage', 'status'] as const;

export class CosmosOpportunityRepository extends StoreBackedRepository<OpportunityRecord> implements OpportunityRepository {
  constructor(container: Container) {
    super(container, 'opportunity', (record) => ({
      sortKey: opportunitySortKey(record),
      searchText: opportunitySearchText(record),
    }));
  }

  list(tenantId: string, filter: OpportunityFilter, page: PageRequest): Promise<Page<Versioned<OpportunityRecord>>> {
    const clauses: QueryClause[] = [...keywordClauses(filter.keywords), ...ownerClauses(filter.visibleOwners, filter.keyAccountIds)];
    for (const field of EQUALS) {
      const value = filter[field];
      if (value !== undefined) clauses.push({ sql: `c.${field} = @${field}`, parameters: [{ name: `@${field}`, value }] });
    }
    if (filter.closeFrom) clauses.push({ sql: 'c.expectedCloseDate >= @closeFrom', parameters: [{ name: '@closeFrom', value: filter.closeFrom }] });
    if (filter.closeTo) clauses.push({ sql: 'c.expectedCloseDate <= @closeTo', parameters: [{ name: '@closeTo', value: filter.closeTo }] });
    if (filter.amountMin !== undefined) clauses.push({ sql: 'c.amount >= @amountMin', parameters: [{ name: '@amountMin', value: filter.amountMin }] });
    if (filter.amountMax !== undefined) clauses.push({ sql: 'c.amount <= @amountMax', parameters: [{ name: '@amountMax', value: filter.amountMax }] });
    return this.store.page(tenantId, clauses, filter, page);
  }

  async anyAtStage(tenantId: string, stageId: string, status?: OpportunityStatus): Promise<boolean> {
    const clauses: QueryClause[] = [{ sql: 'c.stage = @stage', parameters: [{ name: '@stage', value: stageId }] }];
    if (status) clauses.push({ sql: 'c.status = @status', parameters: [{ name: '@status', value: status }] });
    return (await this.store.find(tenantId, clauses, 1)).length > 0;
  }

  listWithStaleAccountName(tenantId: string, accountId: string, accountName: string, limit: number) {
    return this.store.find(
      tenantId,
      [
        {
          sql: 'c.accountId = @accountId AND c.accountName != @accountName',
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
