/** Price lists in Cosmos: one document per list, its prices inside, so a list changes under one ETag. */
import { priceListSortKey, type PriceListFilter, type PriceListRecord, type PriceListRepository } from '../../../shared/domain/catalog';
import type { Page, PageRequest, Versioned } from '../../../shared/domain/record';
import type { LazyContainer } from './catalog.stores';
import { RecordStore, type QueryClause } from './record-store';

/** More lists marked default for one currency than this would mean a defect, not a race. */
const DEFAULTS_LIMIT = 20;

export class CosmosPriceListRepository implements PriceListRepository {
  private readonly store: RecordStore<PriceListRecord>;

  constructor(private readonly lists: LazyContainer) {
    this.store = new RecordStore<PriceListRecord>(lists.container, 'price-list', (record) => ({ sortKey: priceListSortKey(record), searchText: '' }));
  }

  async get(tenantId: string, id: string) {
    await this.lists.ready();
    return this.store.get(tenantId, id);
  }

  async getMany(tenantId: string, ids: string[]) {
    await this.lists.ready();
    return this.store.getMany(tenantId, ids);
  }

  async create(record: PriceListRecord) {
    await this.lists.ready();
    return this.store.create(record);
  }

  async replace(record: PriceListRecord, etag: string) {
    await this.lists.ready();
    return this.store.replace(record, etag);
  }

  async list(tenantId: string, filter: PriceListFilter, page: PageRequest): Promise<Page<Versioned<PriceListRecord>>> {
    await this.lists.ready();
    return this.store.page(tenantId, clausesOf(filter), filter, page);
  }

  async defaultsFor(tenantId: string, currency: string): Promise<Array<Versioned<PriceListRecord>>> {
    await this.lists.ready();
    return this.store.find(tenantId, clausesOf({ currency, isDefault: true }), DEFAULTS_LIMIT);
  }
}

function clausesOf(filter: PriceListFilter): QueryClause[] {
  const clauses: QueryClause[] = [];
  if (filter.currency !== undefined) clauses.push({ sql: 'c.currency = @currency', parameters: [{ name: '@currency', value: filter.currency }] });
  if (filter.isDefault !== undefined) clauses.push({ sql: 'c.isDefault = @isDefault', parameters: [{ name: '@isDefault', value: filter.isDefault }] });
  return clauses;
}
