/**
 * Who may do what with competitor profiles. The access matrix has no competitor entity: a profile
 * is customer-facing sales knowledge, maintained like accounts (reps, managers and admins update
 * it, everyone reads it). The catalogue's `update` on settings would shut out sales managers and
 * reps, who are the people that meet competitors.
 */
import { can, type Operation } from '../../../shared/domain/access-policy';
import type { CompetitorRecord } from '../../../shared/domain/competitor';
import { AppError } from '../../../shared/domain/errors';
import type { Principal } from '../../../shared/domain/principal';
import type { Versioned } from '../../../shared/domain/record';
import { requireLive } from '../record-guards';
import type { UseCaseDeps } from '../usecase-context';

const VERBS: Partial<Record<Operation, string>> = { read: 'read', update: 'maintain', delete: 'delete' };

/** `read`, `update` (create, change, add notes) or `delete`, decided as for accounts. */
export function assertCanOnCompetitors(principal: Principal, operation: 'read' | 'update' | 'delete'): void {
  if (can(principal, operation, 'account')) return;
  const roles = principal.roles.length ? principal.roles.join(', ') : 'no CRM role';
  throw new AppError('FORBIDDEN', `Your role (${roles}) does not allow you to ${VERBS[operation] ?? operation} competitor profiles. Ask a CRM administrator for access.`);
}

export async function requireCompetitor(deps: UseCaseDeps, tenantId: string, id: string): Promise<Versioned<CompetitorRecord>> {
  return requireLive(await deps.stores.competitors.competitors.get(tenantId, id), 'competitor');
}

/** Drops absent optional fields, so stored documents and audit diffs carry no `undefined`. */
export function compact<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}
