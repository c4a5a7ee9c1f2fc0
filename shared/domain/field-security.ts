/**
 * Field-level security: per tenant, rules that hide a field of an entity from a role, or let
 * the role read it but not change it. Applied by one mechanism to every response and every
 * write (functions/http/field-redaction.ts), so no surface can forget it.
 */
import type { Role } from './principal';

export type FieldAccess = 'hidden' | 'read-only';

export interface FieldRule {
  entity: string;
  field: string;
  role: Role;
  access: FieldAccess;
}

/** What a tenant starts with: the opportunity margin is for sales eyes only, and set by managers. */
export const DEFAULT_FIELD_RULES: readonly FieldRule[] = [
  { entity: 'opportunity', field: 'margin', role: 'marketing', access: 'hidden' },
  { entity: 'opportunity', field: 'margin', role: 'read-only', access: 'hidden' },
  { entity: 'opportunity', field: 'margin', role: 'sales-rep', access: 'read-only' },
];

/** Fields that identify and version a record; hiding them would break every client. */
export const PROTECTED_FIELDS = new Set(['id', 'etag', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy']);

const RANK: Record<FieldAccess | 'full', number> = { hidden: 0, 'read-only': 1, full: 2 };

/**
 * The access a user with these roles has to a field. Several roles combine to the most
 * permissive; a role without a rule for the field has full access; no role at all, none.
 */
export function fieldAccess(rules: readonly FieldRule[], roles: readonly Role[], entity: string, field: string): FieldAccess | 'full' {
  if (roles.length === 0) return 'hidden';
  let best: FieldAccess | 'full' = 'hidden';
  for (const role of roles) {
    const rule = rules.find((candidate) => candidate.entity === entity && candidate.field === field && candidate.role === role);
    const access = rule?.access ?? 'full';
    if (RANK[access] > RANK[best]) best = access;
  }
  return best;
}

export interface FieldPolicy {
  /** Fields of the entity the caller must not see. */
  hidden(entity: string): Set<string>;
  /** Fields of the entity the caller must not set (hidden ones included). */
  locked(entity: string): Set<string>;
}

export function fieldPolicyFor(rules: readonly FieldRule[], roles: readonly Role[]): FieldPolicy {
  const fieldsOf = (entity: string, accesses: Array<FieldAccess | 'full'>) =>
    new Set(
      rules
        .filter((rule) => rule.entity === entity && !PROTECTED_FIELDS.has(rule.field))
        .map((rule) => rule.field)
        .filter((field) => accesses.includes(fieldAccess(rules, roles, entity, field))),
    );
  return {
    hidden: (entity) => fieldsOf(entity, ['hidden']),
    locked: (entity) => fieldsOf(entity, ['hidden', 'read-only']),
  };
}

/** The record without the fields the policy hides from the caller. */
export function redactRecord<T extends Record<string, unknown>>(policy: FieldPolicy, entity: string, record: T): T {
  const hidden = policy.hidden(entity);
  if (hidden.size === 0) return record;
  return Object.fromEntries(Object.entries(record).filter(([field]) => !hidden.has(field))) as T;
}

/** A rule set must be unambiguous: one rule per entity, field and role, none on protected fields. */
export function fieldRuleIssues(rules: readonly FieldRule[]): Array<{ index: number; message: string }> {
  const seen = new Set<string>();
  const issues: Array<{ index: number; message: string }> = [];
  rules.forEach((rule, index) => {
    const key = `${rule.entity}/${rule.field}/${rule.role}`;
    if (PROTECTED_FIELDS.has(rule.field)) issues.push({ index, message: `${rule.field} identifies or versions a record and cannot be restricted` });
    else if (seen.has(key)) issues.push({ index, message: `a second rule for ${rule.role} on ${rule.entity}.${rule.field}` });
    seen.add(key);
  });
  return issues;
}
