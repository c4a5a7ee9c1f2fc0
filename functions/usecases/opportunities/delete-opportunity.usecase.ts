import { loadForChange, stamp } from '../record-guards';
import type { UseCaseCall } from '../usecase-context';

/** Soft delete: the tombstone stays for sync; its timeline entries stay on the account's timeline. */
export async function deleteOpportunity({ deps, principal, scope }: UseCaseCall, id: string, ifMatch: string | undefined): Promise<void> {
  const current = await loadForChange({ principal, scope }, 'delete', 'opportunity', deps.stores.opportunities, id, ifMatch);
  const { etag: _etag, ...record } = current;
  const now = deps.now();
  await deps.stores.opportunities.replace({ ...record, ...stamp(principal, now), deletedAt: now.toISOString() }, current.etag, current);
}
