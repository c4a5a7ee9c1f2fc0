/**
 * Quotas: the amount a user or a team is expected to close in a period (a year, a quarter or
 * a month). Forecast against quota (Excel, dashboards) reads them; managers set them for the
 * people and teams they manage, admins for everyone.
 */
import type { Principal } from './principal';
import type { AccessScope } from './record-access';
import type { RecordBase } from './record';

export type QuotaSubjectType = 'user' | 'team';

export interface QuotaRecord extends RecordBase {
  subjectType: QuotaSubjectType;
  subjectId: string;
  /** `2027`, `2027-Q1` or `2027-03`. */
  period: string;
  amount: number;
  currency: string;
  /** Quotas are owned by their subject for record-level access; teams by their id. */
  ownerId: string;
}

export const PERIOD_PATTERN = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/;

/** The first and last day (ISO dates) a period covers. */
export function periodRange(period: string): { from: string; to: string } {
  const match = PERIOD_PATTERN.exec(period);
  if (!match) throw new Error(`not a period: ${period}`);
  const year = Number(match[1]);
  const [firstMonth, months] = match[2] ? [(Number(match[2]) - 1) * 3, 3] : match[3] ? [Number(match[3]) - 1, 1] : [0, 12];
  const from = new Date(Date.UTC(year, firstMonth, 1));
  const to = new Date(Date.UTC(year, firstMonth + months, 0));
  return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
}

/** Who may set a subject's quota: admins anyone; managers the people and teams they manage. */
export function canSetQuota(principal: Pick<Principal, 'roles'>, scope: AccessScope, subjectType: QuotaSubjectType, subjectId: string): boolean {
  if (principal.roles.includes('admin')) return true;
  if (!principal.roles.includes('sales-manager')) return false;
  return subjectType === 'user' ? scope.managed.includes(subjectId) : scope.managedTeamIds.includes(subjectId);
}

/** Who may read a subject's quota: admins and managers all; a seller their own and their teams'. */
export function canReadQuota(principal: Pick<Principal, 'roles'>, scope: AccessScope, subjectType: QuotaSubjectType, subjectId: string): boolean {
  if (principal.roles.some((role) => role === 'admin' || role === 'sales-manager' || role === 'read-only')) return true;
  return subjectType === 'user' ? subjectId === scope.userId : scope.teamIds.includes(subjectId);
}
