import { can, type Entity } from '../../../shared/domain/access-policy';
import type { RecordChange } from '../../../shared/domain/record';
import type { ChangeSource } from '../../../shared/domain/repositories';
import type { UseCaseCall } from '../usecase-context';
import { decodeCheckpoint, encodeCheckpoint } from './sync-checkpoint';

/**
 * Changes are handed out only once they are this many seconds old: the store stamps writes
 * with whole seconds, so a page must never end inside a second that can still receive writes.
 */
export const SYNC_SETTLE_SECONDS = 2;

export interface EntityChanges {
  entity: 'account' | 'contact';
  changes: Array<RecordChange<unknown>>;
}

export interface ChangesPage {
  batches: EntityChanges[];
  checkpoint: string;
  hasMore: boolean;
}

/** Entities in a fixed order; each is drained before the next so the checkpoint stays simple. */
function sourcesOf(call: UseCaseCall): Array<{ entity: 'account' | 'contact'; policy: Entity; source: ChangeSource<unknown> }> {
  const { stores } = call.deps;
  return [
    { entity: 'account', policy: 'account', source: stores.accounts },
    { entity: 'contact', policy: 'contact', source: stores.contacts },
  ];
}

export async function changesSince(call: UseCaseCall, since: string | undefined, limit: number): Promise<ChangesPage> {
  const checkpoint = decodeCheckpoint(since);
  const settledBefore = Math.floor(call.deps.now().getTime() / 1000) - SYNC_SETTLE_SECONDS + 1;
  const batches: EntityChanges[] = [];
  let remaining = limit;
  let hasMore = false;
  for (const { entity, policy, source } of sourcesOf(call)) {
    if (!can(call.principal, 'read', policy)) continue;
    if (remaining === 0) {
      hasMore = true;
      break;
    }
    const changes = await source.changesSince(call.principal.tenantId, checkpoint[entity], settledBefore, remaining);
    const last = changes[changes.length - 1];
    if (last) checkpoint[entity] = last.position;
    if (changes.length === remaining) hasMore = true;
    remaining -= changes.length;
    // A first full sync has nothing to delete: tombstones are skipped but still move the checkpoint.
    batches.push({ entity, changes: since === undefined ? changes.filter((change) => !isTombstone(change)) : changes });
  }
  return { batches, checkpoint: encodeCheckpoint(checkpoint), hasMore };
}

export function isTombstone(change: RecordChange<unknown>): boolean {
  return (change.record as { deletedAt?: string | null }).deletedAt != null;
}
