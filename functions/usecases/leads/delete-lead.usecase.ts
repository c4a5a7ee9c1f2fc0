import { assertCan } from '../../../shared/domain/access-policy';
import { requireCurrentVersion, requireIfMatch, stamp } from '../record-guards';
import type { UseCaseCall } from '../usecase-context';
import { LEAD_RIGHTS, requireWritableLead } from './lead-access';

/** Soft delete: the tombstone stays, like every record's. */
export async function deleteLead(call: UseCaseCall, id: string, ifMatch: string | undefined): Promise<void> {
  const { deps, principal } = call;
  assertCan(principal, 'delete', LEAD_RIGHTS);
  const etag = requireIfMatch(ifMatch);
  const current = requireWritableLead(call, await deps.stores.leads.leads.get(principal.tenantId, id));
  requireCurrentVersion(current, etag, 'lead');
  const { etag: _etag, ...record } = current;
  const now = deps.now();
  await deps.stores.leads.leads.replace({ ...record, ...stamp(principal, now), deletedAt: now.toISOString() }, current.etag, current);
}
