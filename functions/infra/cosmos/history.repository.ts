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
import { pageNewestFirst } from './newest-first-page';

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
    const { documents, continuation } = await pageNewestFirst<TimelineDocument>(this.container, tenantId, { field: 'timelineKey', value: timelineKey(ref) }, request);
    return { items: documents.map((document) => document.entry), continuation };
  }

}
