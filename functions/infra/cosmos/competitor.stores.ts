/**
 * Storage of the competitors feature: the profiles, and a reader of the deals they were met on.
 * The reader queries the opportunities container with ARRAY_CONTAINS in partial-match mode
 * (supported by Cosmos and by the local server), so no second copy of the deal-competitor link
 * has to be kept in step.
 */
import type { Container, Database, SqlParameter } from '@azure/cosmos';
import type { CompetitorDealReader, CompetitorStores, WinLossDeal } from '../../../shared/domain/competitor';
import { opportunitySearchText, opportunitySortKey, type OpportunityRecord } from '../../../shared/domain/opportunity';
import type { Page, PageRequest, Versioned } from '../../../shared/domain/record';
import { CosmosCompetitorRepository } from './competitor.repository';
import { CONTAINERS, partitionKeyOf } from './containers';
import { toAppError } from './cosmos-errors';
import { ownerClauses } from './keyword-clauses';
import { RecordStore, type QueryClause } from './record-store';

function metClauses(competitorId: string, visibleOwners: string[] | undefined): QueryClause[] {
  return [
    { sql: 'ARRAY_CONTAINS(c.competitors, @met, true)', parameters: [{ name: '@met', value: { competitorId } }] },
    ...ownerClauses(visibleOwners),
  ];
}

export class CosmosCompetitorDealReader implements CompetitorDealReader {
  /** Read-only here: the opportunities' own repository does every write. */
  private readonly store: RecordStore<OpportunityRecord>;

  constructor(private readonly opportunities: Container) {
    this.store = new RecordStore<OpportunityRecord>(opportunities, 'opportunity', (record) => ({
      sortKey: opportunitySortKey(record),
      searchText: opportunitySearchText(record),
    }));
  }

  page(tenantId: string, competitorId: string, visibleOwners: string[] | undefined, page: PageRequest): Promise<Page<Versioned<OpportunityRecord>>> {
    return this.store.page(tenantId, metClauses(competitorId, visibleOwners), { competitorId, visibleOwners }, page);
  }

  /** A projection of every matching deal; GROUP BY would do the sums, but the local server lacks it. */
  async outcomes(tenantId: string, competitorId: string, visibleOwners: string[] | undefined): Promise<WinLossDeal[]> {
    const clauses = metClauses(competitorId, visibleOwners);
    const where = ['c.tenantId = @tenantId', 'c.deletedAt = null', ...clauses.map((clause) => clause.sql)].join(' AND ');
    const parameters: SqlParameter[] = [{ name: '@tenantId', value: tenantId }, ...clauses.flatMap((clause) => clause.parameters ?? [])];
    const query = `SELECT c.status, c.amount, c.currency, c.competitors, c.lostToCompetitorId FROM c WHERE ${where}`;
    try {
      const { resources } = await this.opportunities.items.query<WinLossDeal>({ query, parameters }, { partitionKey: partitionKeyOf(tenantId) }).fetchAll();
      return resources;
    } catch (error) {
      throw toAppError(error, 'adding up the deals against a competitor');
    }
  }
}

export function createCompetitorStores(database: Database): CompetitorStores {
  return {
    competitors: new CosmosCompetitorRepository(database.container(CONTAINERS.competitors), database.container(CONTAINERS.catalogKeys)),
    deals: new CosmosCompetitorDealReader(database.container(CONTAINERS.opportunities)),
  };
}
