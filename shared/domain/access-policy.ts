/**
 * The one policy module: which operations a role may perform on which entity. Every surface
 * (API, search, exports, merge, offline cache, automations) asks here, never decides itself.
 * Record-level rules (owner, team, territory) and field-level rules extend this module.
 */
import { AppError } from './errors';
import type { Principal, Role } from './principal';

/** `email`: e-mails tracked from Outlook; `emailTemplate`: templates inserted when composing. */
export type Entity = 'account' | 'contact' | 'lead' | 'opportunity' | 'activity' | 'note' | 'email' | 'emailTemplate' | 'settings';
export type Operation = 'read' | 'create' | 'update' | 'delete' | 'assign' | 'audit';

/** `audit`: read who changed what; managers and admins answer for the data. */
const ALL: Operation[] = ['read', 'create', 'update', 'delete', 'assign', 'audit'];

const WORK: Operation[] = ['read', 'create', 'update', 'delete'];
const READ: Operation[] = ['read'];

const MATRIX: Record<Role, Record<Entity, Operation[]>> = {
  admin: { account: ALL, contact: ALL, lead: ALL, opportunity: ALL, activity: ALL, note: ALL, email: ALL, emailTemplate: ALL, settings: ALL },
  'sales-manager': { account: ALL, contact: ALL, lead: ALL, opportunity: ALL, activity: ALL, note: ALL, email: ALL, emailTemplate: ALL, settings: READ },
  'sales-rep': { account: WORK, contact: WORK, lead: WORK, opportunity: WORK, activity: WORK, note: ['read', 'create'], email: ['read', 'create'], emailTemplate: WORK, settings: READ },
  // Marketing keeps contact data clean for mailings, brings in leads and plans its own events, but does not sell.
  marketing: { account: READ, contact: ['read', 'create', 'update'], lead: ['read', 'create', 'update'], opportunity: READ, activity: WORK, note: ['read', 'create'], email: ['read', 'create'], emailTemplate: ALL, settings: READ },
  'read-only': { account: READ, contact: READ, lead: READ, opportunity: READ, activity: READ, note: READ, email: READ, emailTemplate: READ, settings: READ },
};

export function can(principal: Pick<Principal, 'roles'>, operation: Operation, entity: Entity): boolean {
  return principal.roles.some((role) => MATRIX[role][entity].includes(operation));
}

export function assertCan(principal: Pick<Principal, 'roles'>, operation: Operation, entity: Entity): void {
  if (!can(principal, operation, entity)) {
    const roles = principal.roles.length ? principal.roles.join(', ') : 'no CRM role';
    throw new AppError('FORBIDDEN', `Your role (${roles}) does not allow you to ${operation} ${entity}s. Ask a CRM administrator for access.`);
  }
}

/**
 * Giving a record to another owner is a manager's decision; anyone allowed to create may own
 * what they create.
 */
export function assertCanSetOwner(principal: Principal, entity: Entity, ownerId: string): void {
  if (ownerId !== principal.userId) assertCan(principal, 'assign', entity);
}

/**
 * Roles assigned in the CRM by its admins, per user. They replace the roles of the user's token
 * (Entra app roles), which remain the bootstrap: a user without an assignment keeps their token's.
 */
export interface RoleAssignment {
  userId: string;
  roles: Role[];
}

export function effectiveRoles(tokenRoles: readonly Role[], userId: string, assignments: readonly RoleAssignment[]): Role[] {
  const assigned = assignments.find((assignment) => assignment.userId === userId);
  return assigned ? [...assigned.roles] : [...tokenRoles];
}

/** An assignment list must name each user once and must not leave the tenant without an admin. */
export function roleAssignmentIssues(assignments: readonly RoleAssignment[], editorId: string): Array<{ field: string; message: string }> {
  const issues: Array<{ field: string; message: string }> = [];
  const seen = new Set<string>();
  assignments.forEach((assignment, index) => {
    if (seen.has(assignment.userId)) issues.push({ field: `assignments.${index}.userId`, message: 'is assigned twice' });
    seen.add(assignment.userId);
  });
  const own = assignments.find((assignment) => assignment.userId === editorId);
  if (own && !own.roles.includes('admin')) issues.push({ field: `assignments.${assignments.indexOf(own)}.roles`, message: 'would take your own admin role away; ask another admin' });
  return issues;
}
