/**
 * Timelines in Cosmos: an entry is written once per record it regards (fan-out on write), so
 * reading one record's timeline is one partition-scoped, keyset-paged query, newest first.
 */
import type { Container, ItemDefinition } from '@azure/cosmos';
import { historySortKey, timelineKey, distinctRefs, type HistoryEntry, type RecordRef } from '../../../shared/domain/history';
import { AppError } from '../../../shared/domain/errors';
import type { Page, PageRequest } from '../../../shared/domain/record';
import type { HistoryRepository } from '../../../shared/domain/repositories';
import { statusCodeOf, toAppError } from './cosmos-errors';
import { partitionKeyOf } from './containers';
import { decodeCursor, encodeCursor, filterFingerprint } from './keyset-cursor';

interface TimelineDocument extends ItemDefinition {
  id: string;
  tenantId: string;
  timelineKey: string;
  sortKey: string;
  entry: HistoryEntry;
}

export class CosmosHistoryRepository implements HistoryRepository {
  constructor(private readonly container: Container) {}

  async append(entry: HistoryEntry): Promise<void> {
    const sortKey = historySortKey(entry);
    const written = await Promise.all(
      distinctRefs(entry.regarding).map(async (ref) => {
        const document: TimelineDocument = { id: `${entry.id}@${timelineKey(ref)}`, tenantId: entry.tenantId, timelineKey: timelineKey(ref), sortKey, entry };
        try {
          await this.container.items.create(document);
          return true;
        } catch (error) {
          if (statusCodeOf(error) !== 409) throw toAppError(error, 'writing history');
          return false;
        }
      }),
    );
    if (!written.includes(true)) throw new AppError('CONFLICT', 'This history entry is already recorded.');
  }

  async page(tenantId: string, ref: RecordRef, request: PageRequest): Promise<Page<HistoryEntry>> {
    const key = timelineKey(ref);
    const fingerprint = filterFingerprint({ timeline: key });
    const before = decodeCursor(request.continuation, fingerprint);
    const limit = Math.max(1, Math.min(200, Math.trunc(request.limit)));
    const where = ['c.tenantId = @tenantId', 'c.timelineKey = @key', ...(before === undefined ? [] : ['c.sortKey < @before'])];
    const parameters = [
      { name: '@tenantId', value: tenantId },
      { name: '@key', value: key },
      ...(before === undefined ? [] : [{ name: '@before', value: before }]),
    ];
    try {
      const { resources } = await this.container.items
        .query<TimelineDocument>({ query: `SELECT TOP ${limit + 1} * FROM c WHERE ${where.join(' AND ')} ORDER BY c.sortKey DESC`, parameters }, { partitionKey: partitionKeyOf(tenantId) })
        .fetchAll();
      const items = resources.slice(0, limit);
      const last = items[items.length - 1];
      return {
        items: items.filter((document) => document.tenantId === tenantId).map((document) => document.entry),
        continuation: resources.length > limit && last ? encodeCursor(last.sortKey, fingerprint) : null,
      };
    } catch (error) {
      throw toAppError(error, 'reading history');
    }
  }
}
