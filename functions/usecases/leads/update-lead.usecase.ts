import type { LeadUpdate } from '../../../shared/contracts/leads.contract';
import { assertCan, assertCanSetOwner } from '../../../shared/domain/access-policy';
import { requireLeadStatusRules, requireNotConverted, type LeadRecord } from '../../../shared/domain/lead';
import type { Versioned } from '../../../shared/domain/record';
import { applyMergePatch } from '../merge-patch';
import { requireCurrentVersion, requireIfMatch, requireWritable, stamp } from '../record-guards';
import type { UseCaseCall } from '../usecase-context';

export async function updateLead(call: UseCaseCall, id: string, patch: LeadUpdate, ifMatch: string | undefined): Promise<Versioned<LeadRecord>> {
  const { deps, principal } = call;
  assertCan(principal, 'update', 'lead');
  const etag = requireIfMatch(ifMatch);
  const current = requireWritable(call, await deps.stores.leads.leads.get(principal.tenantId, id), 'lead');
  requireNotConverted(current);
  requireCurrentVersion(current, etag, 'lead');
  if (patch.ownerId !== undefined && patch.ownerId !== current.ownerId) assertCanSetOwner(principal, 'lead', patch.ownerId);
  const { etag: _etag, ...record } = current;
  const next: LeadRecord = { ...applyMergePatch<LeadRecord>(record, patch), ...stamp(principal, deps.now()) };
  // Taking a disqualified lead back up drops the old reason, unless the patch sets one itself.
  if (next.status !== 'disqualified' && patch.disqualifiedReason === undefined) delete next.disqualifiedReason;
  requireLeadStatusRules(next);
  return deps.stores.leads.leads.replace(next, current.etag, current);
}
