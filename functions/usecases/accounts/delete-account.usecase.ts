import { loadForChange, stamp } from '../record-guards';
import type { UseCaseCall } from '../usecase-context';

/** Soft delete: the tombstone stays for sync; contacts keep their link and show no account. */
export async function deleteAccount({ deps, principal, scope }: UseCaseCall, id: string, ifMatch: string | undefined): Promise<void> {
  const current = await loadForChange({ principal, scope }, 'delete', 'account', deps.stores.accounts, id, ifMatch);
  const { etag: _etag, ...record } = current;
  const now = deps.now();
  await deps.stores.accounts.replace({ ...record, ...stamp(principal, now), deletedAt: now.toISOString() }, current.etag, current);
}
