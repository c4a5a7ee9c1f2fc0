/** What the catalogue and sales-document use cases share: new records, today, derived ids. */
import { createHash } from 'node:crypto';
import { assertCan } from '../../../shared/domain/access-policy';
import type { Principal } from '../../../shared/domain/principal';
import type { RecordBase, Versioned } from '../../../shared/domain/record';
import { requireCurrentVersion, requireIfMatch, requireLive } from '../record-guards';
import type { UseCaseDeps } from '../usecase-context';

/**
 * A step that reserved something (an order number for a quote, a revision) and then died leaves
 * its reservation behind; after this long it is taken to be abandoned and the work is redone.
 * Shorter would let a slow but live request be overtaken.
 */
export const ABANDONED_AFTER_MS = 60_000;

/** The catalogue is the organisation's: administrators maintain it (`update` on settings), every role reads it. */
export function assertCanMaintainCatalog(principal: Principal): void {
  assertCan(principal, 'update', 'settings');
}

export function assertCanReadCatalog(principal: Principal): void {
  assertCan(principal, 'read', 'settings');
}

/**
 * The prologue of a catalogue update or delete: an administrator, the version the client read, a
 * live record still at that version. Catalogue records have no owner, so no record-level access.
 */
export async function loadCatalogEntryForChange<T extends RecordBase>(
  principal: Principal,
  store: { get(tenantId: string, id: string): Promise<Versioned<T> | null> },
  id: string,
  ifMatch: string | undefined,
  entity: string,
): Promise<Versioned<T>> {
  assertCanMaintainCatalog(principal);
  const etag = requireIfMatch(ifMatch);
  const current = requireLive(await store.get(principal.tenantId, id), entity);
  requireCurrentVersion(current, etag, entity);
  return current;
}

/** The fields every new record starts with; `id` fixed when a retry must meet the record it wrote before. */
export function newRecord(deps: UseCaseDeps, principal: Principal, id: string = deps.newId()): RecordBase {
  const now = deps.now().toISOString();
  return { id, tenantId: principal.tenantId, createdAt: now, createdBy: principal.userId, updatedAt: now, updatedBy: principal.userId, deletedAt: null };
}

/** The UTC day: quotes' validity and price lists' periods are whole days. */
export function todayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export function isAbandoned(updatedAt: string, now: Date): boolean {
  return now.getTime() - Date.parse(updatedAt) >= ABANDONED_AFTER_MS;
}

/**
 * A UUID derived from a name (SHA-256, shaped as version 8): the one order of a quote, the next
 * revision of a quote. Two requests racing to create the same thing then collide on the id and
 * the store lets exactly one through.
 */
export function derivedId(name: string): string {
  const hex = createHash('sha256').update(`office-crm:${name}`).digest('hex');
  const variant = ((parseInt(hex.slice(16, 17), 16) & 3) | 8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Drops absent optional fields, so stored documents and audit diffs carry no `undefined`. */
export function compact<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}
