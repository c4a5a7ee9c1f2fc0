/** Price lists in Cosmos: one document per list, its prices inside, so a list changes under one ETag. */
import type { Container } from '@azure/cosmos';
import { priceListSortKey, type PriceListFilter, type PriceListRecord, type PriceListRepository } from '../../../shared/domain/catalog';
import type { Page, PageRequest, Versioned } from '../../../shared/domain/record';
import { StoreBackedRepository, type QueryClause } from './record-store';

/** More lists marked default for one currency than this would mean a defect, not a race. */
const DEFAULTS_LIMIT = 20;

export class CosmosPriceListRepository extends StoreBackedRepository<PriceListRecord> implements PriceListRepository {
  constructor(lists: Container) {
    super(lists, 'price-list', (record) => ({ sortKey: priceListSortKey(record), searchText: '' }));
  }

  async list(tenantId: string, filter: PriceListFilter, page: PageRequest): Promise<Page<Versioned<PriceListRecord>>> {
    return this.store.page(tenantId, clausesOf(filter), filter, page);
  }

  async defaultsFor(tenantId: string, currency: string): Promise<Array<Versioned<PriceListRecord>>> {
    return this.store.find(tenantId, clausesOf({ currency, isDefault: true }), DEFAULTS_LIMIT);
  }
}

function clausesOf(filter: PriceListFilter): QueryClause[] {
  const clauses: QueryClause[] = [];
  if (filter.currency !== undefined) clauses.push({ sql: 'c.currency = @currency', parameters: [{ name: '@currency', value: filter.currency }] });
  if (filter.isDefault !== undefined) clauses.push({ sql: 'c.isDefault = @isDefault', parameters: [{ name: '@isDefault', value: filter.isDefault }] });
  return clauses;
}
