import { loadForChange, stamp } from '../record-guards';
import type { UseCaseCall } from '../usecase-context';

/** Soft delete: the tombstone stays, like every record's. */
export async function deleteLead(call: UseCaseCall, id: string, ifMatch: string | undefined): Promise<void> {
  const { deps, principal } = call;
  const current = await loadForChange(call, 'delete', 'lead', deps.stores.leads.leads, id, ifMatch);
  const { etag: _etag, ...record } = current;
  const now = deps.now();
  await deps.stores.leads.leads.replace({ ...record, ...stamp(principal, now), deletedAt: now.toISOString() }, current.etag, current);
}
