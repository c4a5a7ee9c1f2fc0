/** Leads in Cosmos, over the shared record store (ETags, audit, keyset paging, keyword search). */
import type { Container } from '@azure/cosmos';
import { leadSearchText, leadSortKey, type LeadFilter, type LeadRecord, type LeadRepository } from '../../../shared/domain/lead';
import type { Page, PageRequest, Versioned, SyncPosition } from '../../../shared/domain/record';
import { keywordClauses, ownerClauses } from './keyword-clauses';
import { RecordStore, type QueryClause } from './record-store';

/** Equality filters: field of the record → its filter value. */
const EQUALS = ['status', 'ownerId', 'source'] as const;

export class CosmosLeadRepository implements LeadRepository {
  private readonly store: RecordStore<LeadRecord>;

  /** `ready` resolves once the container exists (it is created on first use). */
  constructor(
    container: Container,
    private readonly ready: () => Promise<void>,
  ) {
    this.store = new RecordStore<LeadRecord>(container, 'lead', (lead) => ({ sortKey: leadSortKey(lead), searchText: leadSearchText(lead) }));
  }

  async changesSince(tenantId: string, after: SyncPosition | undefined, settledBefore: number, limit: number) {
    await this.ready();
    return this.store.changesSince(tenantId, after, settledBefore, limit);
  }

  async get(tenantId: string, id: string) {
    await this.ready();
    return this.store.get(tenantId, id);
  }

  async getMany(tenantId: string, ids: string[]) {
    await this.ready();
    return this.store.getMany(tenantId, ids);
  }

  async create(record: LeadRecord) {
    await this.ready();
    return this.store.create(record);
  }

  async replace(record: LeadRecord, etag: string) {
    await this.ready();
    return this.store.replace(record, etag);
  }

  async list(tenantId: string, filter: LeadFilter, page: PageRequest): Promise<Page<Versioned<LeadRecord>>> {
    await this.ready();
    const clauses: QueryClause[] = [...keywordClauses(filter.keywords), ...ownerClauses(filter.visibleOwners)];
    for (const field of EQUALS) {
      const value = filter[field];
      if (value !== undefined) clauses.push({ sql: `c.${field} = @${field}`, parameters: [{ name: `@${field}`, value }] });
    }
    return this.store.page(tenantId, clauses, filter, page);
  }
}
