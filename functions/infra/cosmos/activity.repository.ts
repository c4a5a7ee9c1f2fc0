import type { Container } from '@azure/cosmos';
import { activitySearchText, regardingKeys, type ActivityFilter, type ActivityRecord, type ActivityRepository } from '../../../shared/domain/activity';
import { activitySpan } from '../../../shared/domain/activity-schedule';
import { timelineKey } from '../../../shared/domain/history';
import type { Page, PageRequest, SyncPosition, Versioned } from '../../../shared/domain/record';
import { keywordClauses, ownerClauses } from './keyword-clauses';
import { RecordStore, type QueryClause } from './record-store';

/**
 * Query fields kept beside the record and derived from it on every write, so they never drift:
 * `regardingKeys` (`contact:<id>`, …) for "activities of a record" with one ARRAY_CONTAINS, and the
 * span (`startsAt`, `endsAt`) that windows are matched against. The sort key is the span's start.
 */
type StoredActivity = ActivityRecord & { regardingKeys: string[]; startsAt: string; endsAt: string };

function toStored(record: ActivityRecord): StoredActivity {
  const span = activitySpan(record);
  return { ...record, regardingKeys: regardingKeys(record), startsAt: span.start, endsAt: span.end };
}

function fromStored(stored: Versioned<StoredActivity>): Versioned<ActivityRecord> {
  const { regardingKeys: _keys, startsAt: _startsAt, endsAt: _endsAt, ...record } = stored;
  return record;
}

export class CosmosActivityRepository implements ActivityRepository {
  private readonly store: RecordStore<StoredActivity>;

  constructor(container: Container) {
    this.store = new RecordStore<StoredActivity>(container, 'activity', (activity) => ({
      // ISO instants from toISOString have a fixed width, so text order is time order.
      sortKey: `${activity.startsAt}\u0001${activity.id}`,
      searchText: activitySearchText(activity),
    }));
  }

  async get(tenantId: string, id: string) {
    const stored = await this.store.get(tenantId, id);
    return stored ? fromStored(stored) : null;
  }

  async getMany(tenantId: string, ids: string[]) {
    return (await this.store.getMany(tenantId, ids)).map(fromStored);
  }

  async create(record: ActivityRecord) {
    return fromStored(await this.store.create(toStored(record)));
  }

  async changesSince(tenantId: string, after: SyncPosition | undefined, settledBefore: number, limit: number) {
    const changes = await this.store.changesSince(tenantId, after, settledBefore, limit);
    return changes.map((change) => ({ ...change, record: fromStored(change.record) }));
  }

  async replace(record: ActivityRecord, etag: string) {
    return fromStored(await this.store.replace(toStored(record), etag));
  }

  async list(tenantId: string, filter: ActivityFilter, page: PageRequest): Promise<Page<Versioned<ActivityRecord>>> {
    const clauses: QueryClause[] = [...keywordClauses(filter.keywords), ...ownerClauses(filter.visibleOwners)];
    const equal = (field: 'type' | 'status' | 'ownerId', value: string | undefined) => {
      if (value !== undefined) clauses.push({ sql: `c.${field} = @${field}`, parameters: [{ name: `@${field}`, value }] });
    };
    equal('type', filter.type);
    equal('status', filter.status);
    equal('ownerId', filter.ownerId);
    if (filter.concerning) {
      clauses.push({ sql: 'ARRAY_CONTAINS(c.regardingKeys, @regardingKey)', parameters: [{ name: '@regardingKey', value: timelineKey(filter.concerning) }] });
    }
    // Overlap, not containment: a meeting in progress and a to-do due today are both "upcoming".
    if (filter.from !== undefined) clauses.push({ sql: 'c.endsAt > @from', parameters: [{ name: '@from', value: filter.from }] });
    if (filter.to !== undefined) clauses.push({ sql: 'c.startsAt < @to', parameters: [{ name: '@to', value: filter.to }] });
    const { asRequested, ...effective } = filter;
    const result = await this.store.page(tenantId, clauses, asRequested ?? effective, page);
    return { items: result.items.map(fromStored), continuation: result.continuation };
  }
}
