/**
 * Record-level access: which records of an entity a user may see and change, from ownership,
 * teams and the entity's sharing. Part of the one policy module (with access-policy.ts for
 * operations and field-security.ts for fields).
 *
 * - Accounts and contacts are shared read-only across the tenant (a rep must recognise any
 *   customer's e-mail in Outlook); leads, opportunities and activities are private to their
 *   owner's team and its managers.
 * - Changing a record is for its owner, the owner's teammates, the sellers who work the record's
 *   territory (accounts carry the territory their address, industry and size put them in), and
 *   the managers of the owner's
 *   teams; admins may change anything, and marketing maintains every contact and lead.
 */
import type { Entity } from './access-policy';
import type { Principal } from './principal';

export type Sharing = 'public-read' | 'private';

export const SHARING: Record<Exclude<Entity, 'note' | 'settings'>, Sharing> = {
  account: 'public-read',
  contact: 'public-read',
  lead: 'private',
  opportunity: 'private',
  activity: 'private',
  /** A tracked e-mail is known to everyone who has the message, so nobody tracks it twice. */
  email: 'public-read',
  /** Personal templates are their owner's; shared ones are readable by the tenant (decided in the use cases). */
  emailTemplate: 'private',
};

/** Who the caller works with, resolved from the tenant's teams once per request. */
export interface AccessScope {
  userId: string;
  /** Members of the teams the caller belongs to, the caller included. */
  teammates: string[];
  /** Members of the teams the caller manages. */
  managed: string[];
  /** Territories the caller works: they may change the accounts in them. */
  territoryIds: string[];
  /** Teams the caller belongs to, and teams the caller manages. */
  teamIds: string[];
  managedTeamIds: string[];
  /** Key accounts of the special-account teams the caller is in or manages. */
  keyAccountIds: string[];
}

export interface Team {
  id: string;
  name: string;
  memberIds: string[];
  managerIds: string[];
  /**
   * A special-account team: the key accounts it serves. Its members work those accounts' deals
   * whoever owns them, beside the deals of their own sales team.
   */
  accountIds?: string[];
}

export function scopeOf(userId: string, teams: readonly Team[], territories: ReadonlyArray<{ id: string; assigneeIds: string[] }> = []): AccessScope {
  const teammates = new Set([userId]);
  const managed = new Set<string>();
  const teamIds: string[] = [];
  const managedTeamIds: string[] = [];
  const keyAccountIds = new Set<string>();
  for (const team of teams) {
    if (team.memberIds.includes(userId) || team.managerIds.includes(userId)) team.accountIds?.forEach((id) => keyAccountIds.add(id));
    if (team.accountIds?.length) continue; // an account team shares its accounts, not its members' own books
    if (team.memberIds.includes(userId)) {
      team.memberIds.forEach((member) => teammates.add(member));
      teamIds.push(team.id);
    }
    if (team.managerIds.includes(userId)) {
      team.memberIds.forEach((member) => managed.add(member));
      managedTeamIds.push(team.id);
    }
  }
  const territoryIds = territories.filter((territory) => territory.assigneeIds.includes(userId)).map((territory) => territory.id);
  return { userId, teammates: [...teammates], managed: [...managed], territoryIds, teamIds, managedTeamIds, keyAccountIds: [...keyAccountIds] };
}

/** Owners whose records the caller works on: self, teammates, and the people they manage. */
export function workingOwners(scope: AccessScope): string[] {
  return [...new Set([scope.userId, ...scope.teammates, ...scope.managed])];
}

type Who = Pick<Principal, 'roles'>;

function seesEverything(who: Who): boolean {
  return who.roles.some((role) => role === 'admin' || role === 'marketing' || role === 'read-only');
}

/** The owners whose records the caller may see, or `all`. Lists filter with it. */
export function visibleOwners(who: Who, scope: AccessScope, entity: keyof typeof SHARING): 'all' | string[] {
  if (SHARING[entity] === 'public-read' || seesEverything(who)) return 'all';
  return workingOwners(scope);
}

/** A deal of a key account the caller serves through a special-account team. */
function onKeyAccount(scope: AccessScope, record: { accountId?: string }): boolean {
  return record.accountId !== undefined && scope.keyAccountIds.includes(record.accountId);
}

export function canSee(who: Who, scope: AccessScope, entity: keyof typeof SHARING, record: { ownerId: string; accountId?: string }): boolean {
  const owners = visibleOwners(who, scope, entity);
  return owners === 'all' || owners.includes(record.ownerId) || (entity === 'opportunity' && onKeyAccount(scope, record));
}

export function canChange(who: Who, scope: AccessScope, entity: keyof typeof SHARING, record: { ownerId: string; territoryId?: string; accountId?: string }): boolean {
  if (who.roles.includes('admin')) return true;
  if (entity === 'opportunity' && onKeyAccount(scope, record) && who.roles.some((role) => role === 'sales-rep' || role === 'sales-manager')) return true;
  if (record.territoryId !== undefined && scope.territoryIds.includes(record.territoryId) && who.roles.some((role) => role === 'sales-rep' || role === 'sales-manager')) return true;
  if ((entity === 'contact' || entity === 'lead') && who.roles.includes('marketing')) return true;
  return workingOwners(scope).includes(record.ownerId);
}

/** A team list must be unambiguous: unique ids and names. */
export function teamListIssues(teams: readonly Team[]): Array<{ field: string; message: string }> {
  const issues: Array<{ field: string; message: string }> = [];
  const ids = new Set<string>();
  const names = new Set<string>();
  teams.forEach((team, index) => {
    if (ids.has(team.id)) issues.push({ field: `teams.${index}.id`, message: 'is used by another team' });
    if (names.has(team.name.toLowerCase())) issues.push({ field: `teams.${index}.name`, message: 'is used by another team' });
    ids.add(team.id);
    names.add(team.name.toLowerCase());
  });
  return issues;
}
