/** Quotes in Cosmos: every revision is its own document; a deal's quotes list by number and revision. */
import { quoteSortKey, type QuoteRecord, type QuoteRepository } from '../../../shared/domain/quote';
import type { Page, PageRequest, Versioned } from '../../../shared/domain/record';
import { buildSearchText } from '../../../shared/domain/text-normalization';
import type { LazyContainer } from './catalog.stores';
import { RecordStore } from './record-store';

export class CosmosQuoteRepository implements QuoteRepository {
  private readonly store: RecordStore<QuoteRecord>;

  constructor(private readonly quotes: LazyContainer) {
    this.store = new RecordStore<QuoteRecord>(quotes.container, 'quote', (record) => ({
      sortKey: quoteSortKey(record),
      searchText: buildSearchText([record.number, record.name, record.accountName]),
    }));
  }

  async get(tenantId: string, id: string) {
    await this.quotes.ready();
    return this.store.get(tenantId, id);
  }

  async getMany(tenantId: string, ids: string[]) {
    await this.quotes.ready();
    return this.store.getMany(tenantId, ids);
  }

  async create(record: QuoteRecord) {
    await this.quotes.ready();
    return this.store.create(record);
  }

  async replace(record: QuoteRecord, etag: string) {
    await this.quotes.ready();
    return this.store.replace(record, etag);
  }

  async listForOpportunity(tenantId: string, opportunityId: string, page: PageRequest): Promise<Page<Versioned<QuoteRecord>>> {
    await this.quotes.ready();
    const clause = { sql: 'c.opportunityId = @opportunityId', parameters: [{ name: '@opportunityId', value: opportunityId }] };
    return this.store.page(tenantId, [clause], { opportunityId }, page);
  }
}
