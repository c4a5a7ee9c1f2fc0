import { assertCan } from '../../../shared/domain/access-policy';
import { requireCurrentVersion, requireIfMatch, requireWritable, stamp } from '../record-guards';
import type { UseCaseCall } from '../usecase-context';

/** Soft delete: the tombstone stays for sync; its timeline entries stay on the account's timeline. */
export async function deleteOpportunity({ deps, principal, scope }: UseCaseCall, id: string, ifMatch: string | undefined): Promise<void> {
  assertCan(principal, 'delete', 'opportunity');
  const etag = requireIfMatch(ifMatch);
  const current = requireWritable({ principal, scope }, await deps.stores.opportunities.get(principal.tenantId, id), 'opportunity');
  requireCurrentVersion(current, etag, 'opportunity');
  const { etag: _etag, ...record } = current;
  const now = deps.now();
  await deps.stores.opportunities.replace({ ...record, ...stamp(principal, now), deletedAt: now.toISOString() }, current.etag);
}
