import { requireCurrentVersion, requireIfMatch, stamp } from '../record-guards';
import type { UseCaseCall } from '../usecase-context';
import { requireChangeableGroup } from './group-access';

/** Soft delete: the tombstone stays for sync; the records in the group are untouched. */
export async function deleteGroup(call: UseCaseCall, id: string, ifMatch: string | undefined): Promise<void> {
  const etag = requireIfMatch(ifMatch);
  const current = await requireChangeableGroup(call, id);
  requireCurrentVersion(current, etag, 'group');
  const { etag: _etag, ...record } = current;
  const now = call.deps.now();
  await call.deps.stores.groups.groups.replace({ ...record, ...stamp(call.principal, now), deletedAt: now.toISOString() }, current.etag, current);
}
