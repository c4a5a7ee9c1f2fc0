/** Quotes in Cosmos: every revision is its own document; a deal's quotes list by number and revision. */
import type { Container } from '@azure/cosmos';
import { quoteSortKey, type QuoteRecord, type QuoteRepository } from '../../../shared/domain/quote';
import type { Page, PageRequest, Versioned } from '../../../shared/domain/record';
import { buildSearchText } from '../../../shared/domain/text-normalization';
import { StoreBackedRepository } from './record-store';

export class CosmosQuoteRepository extends StoreBackedRepository<QuoteRecord> implements QuoteRepository {
  constructor(quotes: Container) {
    super(quotes, 'quote', (record) => ({
      sortKey: quoteSortKey(record),
      searchText: buildSearchText([record.number, record.name, record.accountName]),
    }));
  }

  async listForOpportunity(tenantId: string, opportunityId: string, page: PageRequest): Promise<Page<Versioned<QuoteRecord>>> {
    const clause = { sql: 'c.opportunityId = @opportunityId', parameters: [{ name: '@opportunityId', value: opportunityId }] };
    return this.store.page(tenantId, [clause], { opportunityId }, page);
  }
}
