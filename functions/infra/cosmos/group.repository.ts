/**
 * Groups in Cosmos, and the evaluation of their members: saved searches as one keyset-paged query
 * over the entity's container, static groups as point reads of their ids (the cheapest read
 * there is), page by page.
 */
import type { Container } from '@azure/cosmos';
import { accountSearchText, accountSortKey, type AccountRecord } from '../../../shared/domain/account';
import { contactSearchText, contactSortKey, type ContactRecord } from '../../../shared/domain/contact';
import {
  groupSearchText,
  groupSortKey,
  type GroupFilter,
  type GroupMemberSource,
  type GroupRecord,
  type GroupRepository,
  type MemberPage,
  type MemberQuery,
} from '../../../shared/domain/group';
import type { Criteria } from '../../../shared/domain/group-criteria';
import { opportunitySearchText, opportunitySortKey, type OpportunityRecord } from '../../../shared/domain/opportunity';
import { isLive, type Page, type PageRequest, type RecordBase, type Versioned } from '../../../shared/domain/record';
import { compileCriteria } from './criteria-query';
import { ownerClauses } from './keyword-clauses';
import { decodeCursor, encodeCursor, filterFingerprint } from './keyset-cursor';
import { RecordStore, type QueryClause } from './record-store';

export class CosmosGroupRepository implements GroupRepository {
  private readonly store: RecordStore<GroupRecord>;

  constructor(container: Container) {
    this.store = new RecordStore<GroupRecord>(container, 'group', (group) => ({ sortKey: groupSortKey(group), searchText: groupSearchText(group) }));
  }

  get(tenantId: string, id: string) {
    return this.store.get(tenantId, id);
  }

  getMany(tenantId: string, ids: string[]) {
    return this.store.getMany(tenantId, ids);
  }

  create(record: GroupRecord) {
    return this.store.create(record);
  }

  replace(record: GroupRecord, etag: string) {
    return this.store.replace(record, etag);
  }

  listVisible(tenantId: string, userId: string, filter: GroupFilter, page: PageRequest): Promise<Page<Versioned<GroupRecord>>> {
    const clauses: QueryClause[] = [{ sql: '(c.ownerId = @me OR c.shared = true)', parameters: [{ name: '@me', value: userId }] }];
    if (filter.entity) clauses.push({ sql: 'c.memberEntity = @memberEntity', parameters: [{ name: '@memberEntity', value: filter.entity }] });
    if (filter.kind) clauses.push({ sql: 'c.kind = @kind', parameters: [{ name: '@kind', value: filter.kind }] });
    return this.store.page(tenantId, clauses, { ...filter, userId }, page);
  }
}

/** Point reads per round: enough to fill a page quickly, few enough not to flood the account. */
const READ_BATCH = 50;

type Owned = RecordBase & { ownerId: string };
interface PointReader {
  getMany(tenantId: string, ids: string[]): Promise<Owned[]>;
}

/** Reads only: the stores' derive functions are those of the entities' own repositories. */
export class CosmosGroupMemberSource implements GroupMemberSource {
  private readonly contacts: RecordStore<ContactRecord>;
  private readonly accounts: RecordStore<AccountRecord>;
  private readonly opportunities: RecordStore<OpportunityRecord>;

  constructor(containers: { contacts: Container; accounts: Container; opportunities: Container }) {
    this.contacts = new RecordStore<ContactRecord>(containers.contacts, 'contact', (r) => ({ sortKey: contactSortKey(r), searchText: contactSearchText(r) }));
    this.accounts = new RecordStore<AccountRecord>(containers.accounts, 'account', (r) => ({ sortKey: accountSortKey(r), searchText: accountSearchText(r) }));
    this.opportunities = new RecordStore<OpportunityRecord>(containers.opportunities, 'opportunity', (r) => ({
      sortKey: opportunitySortKey(r),
      searchText: opportunitySearchText(r),
    }));
  }

  async matching(query: MemberQuery, criteria: Criteria, page: PageRequest): Promise<MemberPage> {
    const clauses = [...compileCriteria(query.entity, criteria), ...ownerClauses(query.owners)];
    // The token is bound to the criteria and the caller's reach: a group edited between pages refuses it.
    const filter = { criteria, owners: query.owners ?? 'all' };
    switch (query.entity) {
      case 'contact':
        return { entity: 'contact', ...(await this.contacts.page(query.tenantId, clauses, filter, page)) };
      case 'account':
        return { entity: 'account', ...(await this.accounts.page(query.tenantId, clauses, filter, page)) };
      case 'opportunity':
        return { entity: 'opportunity', ...(await this.opportunities.page(query.tenantId, clauses, filter, page)) };
    }
  }

  async byIds(query: MemberQuery, ids: readonly string[], page: PageRequest): Promise<MemberPage> {
    switch (query.entity) {
      case 'contact':
        return { entity: 'contact', ...(await pageByIds(this.contacts, query, ids, page)) };
      case 'account':
        return { entity: 'account', ...(await pageByIds(this.accounts, query, ids, page)) };
      case 'opportunity':
        return { entity: 'opportunity', ...(await pageByIds(this.opportunities, query, ids, page)) };
    }
  }

  async existing(query: MemberQuery, ids: readonly string[]): Promise<Set<string>> {
    const store = this.storeOf(query.entity);
    const found = new Set<string>();
    for (let start = 0; start < ids.length; start += READ_BATCH) {
      const records = await store.getMany(query.tenantId, ids.slice(start, start + READ_BATCH));
      for (const record of records) if (visible(record, query.owners)) found.add(record.id);
    }
    return found;
  }

  private storeOf(entity: MemberQuery['entity']): PointReader {
    const stores: Record<MemberQuery['entity'], PointReader> = { contact: this.contacts, account: this.accounts, opportunity: this.opportunities };
    return stores[entity];
  }
}

function visible(record: Owned, owners: string[] | undefined): boolean {
  return isLive(record) && (owners === undefined || owners.includes(record.ownerId));
}

/**
 * Members in id order after the cursor's id. Reads go on batch after batch until the page is full,
 * so deleted or invisible members never leave a short page while more remain.
 */
async function pageByIds<T extends Owned>(store: RecordStore<T>, query: MemberQuery, ids: readonly string[], request: PageRequest): Promise<Page<Versioned<T>>> {
  const fingerprint = filterFingerprint({ static: true, owners: query.owners ?? 'all' });
  const after = decodeCursor(request.continuation, fingerprint);
  const remaining = [...ids].sort().filter((id) => after === undefined || id > after);
  const limit = Math.max(1, Math.min(200, Math.trunc(request.limit)));
  const items: Array<Versioned<T>> = [];
  let read = 0;
  while (items.length < limit && read < remaining.length) {
    const batch = remaining.slice(read, read + Math.max(READ_BATCH, limit - items.length));
    read += batch.length;
    const byId = new Map((await store.getMany(query.tenantId, batch)).map((record) => [record.id, record]));
    for (const id of batch) {
      const record = byId.get(id);
      if (record && visible(record, query.owners)) items.push(record);
    }
  }
  const page = items.slice(0, limit);
  const last = page[page.length - 1];
  // More may remain when records were left over in the last batch or ids were never read.
  const hasMore = last !== undefined && (items.length > limit || read < remaining.length);
  return { items: page, continuation: hasMore ? encodeCursor(last.id, fingerprint) : null };
}
