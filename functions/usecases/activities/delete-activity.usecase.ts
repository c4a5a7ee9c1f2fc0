import { loadForChange, stamp } from '../record-guards';
import type { UseCaseCall } from '../usecase-context';

/**
 * Soft delete: the tombstone stays for sync and offline clients, with its attachments' blobs, and
 * timeline entries of past completions stay too (they record what happened).
 */
export async function deleteActivity({ deps, principal, scope }: UseCaseCall, id: string, ifMatch: string | undefined): Promise<void> {
  const current = await loadForChange({ principal, scope }, 'delete', 'activity', deps.stores.activities, id, ifMatch);
  const { etag: _etag, ...record } = current;
  const now = deps.now();
  await deps.stores.activities.replace({ ...record, ...stamp(principal, now), deletedAt: now.toISOString() }, current.etag);
}
