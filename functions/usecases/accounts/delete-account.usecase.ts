import { assertCan } from '../../../shared/domain/access-policy';
import { requireCurrentVersion, requireIfMatch, requireWritable, stamp } from '../record-guards';
import type { UseCaseCall } from '../usecase-context';

/** Soft delete: the tombstone stays for sync; contacts keep their link and show no account. */
export async function deleteAccount({ deps, principal, scope }: UseCaseCall, id: string, ifMatch: string | undefined): Promise<void> {
  assertCan(principal, 'delete', 'account');
  const etag = requireIfMatch(ifMatch);
  const current = requireWritable({ principal, scope }, await deps.stores.accounts.get(principal.tenantId, id), 'account');
  requireCurrentVersion(current, etag, 'account');
  const { etag: _etag, ...record } = current;
  const now = deps.now();
  await deps.stores.accounts.replace({ ...record, ...stamp(principal, now), deletedAt: now.toISOString() }, current.etag);
}
