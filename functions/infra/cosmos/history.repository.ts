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

  async copyTimeline(tenantId: string, from: RecordRef, to: RecordRef): Promise<number> {
    let added = 0;
    let continuation: string | undefined;
    do {
      const page = await pageNewestFirst<TimelineDocument>(this.container, tenantId, { field: 'timelineKey', value: timelineKey(from) }, { limit: COPY_PAGE, continuation });
      for (let start = 0; start < page.documents.length; start += COPY_CONCURRENCY) {
        const batch = page.documents.slice(start, start + COPY_CONCURRENCY);
        const written = await Promise.all(batch.map((document) => this.createOnce(copyOnto(document, to))));
        added += written.filter(Boolean).length;
      }
      continuation = page.continuation ?? undefined;
    } while (continuation);
    return added;
  }

  /** True when written, false when that document was already there. */
  private async createOnce(document: TimelineDocument): Promise<boolean> {
    try {
      await this.container.items.create(document);
      return true;
    } catch (error) {
      if (statusCodeOf(error) !== 409) throw toAppError(error, 'copying history');
      return false;
    }
  }
}

const COPY_PAGE = 200;
/** Writes in flight at once while copying a timeline: quick, without a burst of throttling. */
const COPY_CONCURRENCY = 20;

/** The same entry on another record's timeline, now also regarding that record. */
function copyOnto(document: TimelineDocument, to: RecordRef): TimelineDocument {
  const entry: HistoryEntry = { ...document.entry, regarding: distinctRefs([...document.entry.regarding, to]) };
  return { id: `${entry.id}@${timelineKey(to)}`, tenantId: document.tenantId, timelineKey: timelineKey(to), sortKey: document.sortKey, entry };
}
