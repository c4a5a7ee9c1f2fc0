import type { LeadCreate } from '../../../shared/contracts/leads.contract';
import { assertCan, assertCanSetOwner } from '../../../shared/domain/access-policy';
import { requireLeadStatusRules, type LeadRecord } from '../../../shared/domain/lead';
import type { Versioned } from '../../../shared/domain/record';
import { newRecordFields } from '../record-guards';
import type { UseCaseCall } from '../usecase-context';

/** The caller owns what they record unless they may give it to someone else (routing is a manager's call). */
export async function createLead({ deps, principal }: UseCaseCall, input: LeadCreate): Promise<Versioned<LeadRecord>> {
  assertCan(principal, 'create', 'lead');
  const ownerId = input.ownerId ?? principal.userId;
  assertCanSetOwner(principal, 'lead', ownerId);
  const record: LeadRecord = { ...input, ...newRecordFields(deps, principal, ownerId) };
  requireLeadStatusRules(record);
  return deps.stores.leads.leads.create(record);
}
