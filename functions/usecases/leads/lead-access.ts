/**
 * Who may see and change a lead: the `lead` entity of the policy (private to the owner's team
 * and its managers; marketing, admins and read-only users see all; marketing maintains them).
 */
import type { Entity } from '../../../shared/domain/access-policy';
import { AppError } from '../../../shared/domain/errors';
import type { LeadRecord } from '../../../shared/domain/lead';
import { isLive, type Versioned } from '../../../shared/domain/record';
import { canChange, canSee } from '../../../shared/domain/record-access';
import type { UseCaseCall } from '../usecase-context';

export const LEAD_RIGHTS = 'lead' satisfies Entity;

type Caller = Pick<UseCaseCall, 'principal' | 'scope'>;

/** A live lead the caller may see; anything else answers as if it did not exist. */
export function requireReadableLead({ principal, scope }: Caller, lead: Versioned<LeadRecord> | null): Versioned<LeadRecord> {
  if (!lead || !isLive(lead) || !canSee(principal, scope, LEAD_RIGHTS, lead)) throw new AppError('NOT_FOUND', 'No lead with this id.');
  return lead;
}

/** A live lead the caller may see and change: their own, their team's, or their managed teams'. */
export function requireWritableLead(caller: Caller, lead: Versioned<LeadRecord> | null): Versioned<LeadRecord> {
  const readable = requireReadableLead(caller, lead);
  if (!canChange(caller.principal, caller.scope, LEAD_RIGHTS, readable)) {
    throw new AppError('FORBIDDEN', 'This lead belongs to someone outside your teams; ask its owner or their manager to change it.');
  }
  return readable;
}
