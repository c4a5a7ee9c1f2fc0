/**
 * The audit trail: who changed what and when, with old and new values. Append-only: entries
 * are only ever created, never changed or removed.
 */
export type AuditAction = 'create' | 'update' | 'delete';

export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

export interface AuditEntry {
  id: string;
  tenantId: string;
  entity: string;
  recordId: string;
  action: AuditAction;
  at: string;
  actorId: string;
  changes: FieldChange[];
}

/** Bookkeeping fields change on every write; recording them would only add noise. */
const NOT_AUDITED = new Set(['id', 'tenantId', 'etag', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'deletedAt']);

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Top-level fields that differ, in a stable order; a nested object or array is compared whole. */
export function diffRecords(before: Record<string, unknown> | undefined, after: Record<string, unknown>): FieldChange[] {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after)])].filter((field) => !NOT_AUDITED.has(field)).sort();
  return fields
    .filter((field) => !same(before?.[field], after[field]))
    .map((field) => ({ field, old: before?.[field] ?? null, new: after[field] ?? null }));
}

export function auditActionOf(before: { deletedAt: string | null } | undefined, after: { deletedAt: string | null }): AuditAction {
  if (!before) return 'create';
  return before.deletedAt === null && after.deletedAt !== null ? 'delete' : 'update';
}
