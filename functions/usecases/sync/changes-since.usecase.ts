import { can } from '../../../shared/domain/access-policy';
import type { RecordBase, RecordChange } from '../../../shared/domain/record';
import { canSee } from '../../../shared/domain/record-access';
import type { ChangeSource } from '../../../shared/domain/repositories';
import type { UseCaseCall } from '../usecase-context';
import { decodeCheckpoint, encodeCheckpoint } from './sync-checkpoint';

/**
 * Changes are handed out only once they are this many seconds old: the store stamps writes
 * with whole seconds, so a page must never end inside a second that can still receive writes.
 */
export const SYNC_SETTLE_SECONDS = 2;

export type SyncEntity = 'account' | 'contact' | 'opportunity' | 'activity' | 'lead';

/** What the feed needs of every record: an owner for record access, a tombstone for deletions. */
type SyncedRecord = RecordBase & { ownerId: string };

export interface EntityChanges {
  entity: SyncEntity;
  changes: Array<RecordChange<SyncedRecord>>;
}

export interface ChangesPage {
  batches: EntityChanges[];
  checkpoint: string;
  hasMore: boolean;
}

/** Entities in a fixed order; each is drained before the next so the checkpoint stays simple. */
function sourcesOf(call: UseCaseCall): Array<{ entity: SyncEntity; source: ChangeSource<SyncedRecord> }> {
  const { stores } = call.deps;
  return [
    { entity: 'account', source: stores.accounts },
    { entity: 'contact', source: stores.contacts },
    { entity: 'opportunity', source: stores.opportunities },
    { entity: 'activity', source: stores.activities },
    { entity: 'lead', source: stores.leads.leads },
  ];
}

/** A change the caller may receive: records they may see (a tombstone only of a record they could see). */
function visibleTo(call: UseCaseCall, entity: SyncEntity, change: RecordChange<SyncedRecord>): boolean {
  return canSee(call.principal, call.scope, entity, change.record);
}

export async function changesSince(call: UseCaseCall, since: string | undefined, limit: number): Promise<ChangesPage> {
  const checkpoint = decodeCheckpoint(since);
  const settledBefore = Math.floor(call.deps.now().getTime() / 1000) - SYNC_SETTLE_SECONDS + 1;
  const batches: EntityChanges[] = [];
  let remaining = limit;
  let hasMore = false;
  for (const { entity, source } of sourcesOf(call)) {
    if (!can(call.principal, 'read', entity)) continue;
    if (remaining === 0) {
      hasMore = true;
      break;
    }
    const changes = await source.changesSince(call.principal.tenantId, checkpoint[entity], settledBefore, remaining);
    const last = changes[changes.length - 1];
    if (last) checkpoint[entity] = last.position;
    if (changes.length === remaining) hasMore = true;
    remaining -= changes.length;
    // Invisible records and, on a first full sync, tombstones are skipped but still move the checkpoint.
    const wanted = changes.filter((change) => visibleTo(call, entity, change) && !(since === undefined && isTombstone(change)));
    batches.push({ entity, changes: wanted });
  }
  return { batches, checkpoint: encodeCheckpoint(checkpoint), hasMore };
}

export function isTombstone(change: RecordChange<SyncedRecord>): boolean {
  return change.record.deletedAt !== null;
}
