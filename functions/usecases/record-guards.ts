import { AppError } from '../../shared/domain/errors';
import type { Principal } from '../../shared/domain/principal';
import { isLive, type RecordBase, type Versioned } from '../../shared/domain/record';
import { assertCan, type Entity } from '../../shared/domain/access-policy';
import { canChange, canSee, type SHARING } from '../../shared/domain/record-access';
import type { UseCaseCall, UseCaseDeps } from './usecase-context';

type SharedEntity = keyof typeof SHARING;
type Owned = RecordBase & { ownerId: string };

/** A live record the caller may see; anything else answers as if it did not exist. */
export function requireReadable<T extends Owned>({ principal, scope }: Pick<UseCaseCall, 'principal' | 'scope'>, record: Versioned<T> | null, entity: SharedEntity): Versioned<T> {
  const live = requireLive(record, entity);
  if (!canSee(principal, scope, entity, live)) throw new AppError('NOT_FOUND', `No ${entity} with this id.`);
  return live;
}

/** A live record the caller may see and change: their own, their team's, or their managed teams'. */
export function requireWritable<T extends Owned>(call: Pick<UseCaseCall, 'principal' | 'scope'>, record: Versioned<T> | null, entity: SharedEntity): Versioned<T> {
  const readable = requireReadable(call, record, entity);
  if (!canChange(call.principal, call.scope, entity, readable)) {
    throw new AppError('FORBIDDEN', `This ${entity} belongs to someone outside your teams; ask its owner or their manager to change it.`);
  }
  return readable;
}

/** Deleted records and other tenants' records answer the same: not found. */
export function requireLive<T extends RecordBase>(record: Versioned<T> | null, entity: string): Versioned<T> {
  if (!record || !isLive(record)) throw new AppError('NOT_FOUND', `No ${entity} with this id.`);
  return record;
}

export function requireIfMatch(ifMatch: string | undefined): string {
  if (!ifMatch) {
    throw new AppError('PRECONDITION_REQUIRED', 'Send the ETag you read in an If-Match header, so nobody else\'s change is overwritten.');
  }
  return ifMatch;
}

/** Checked before writing so a stale client gets 412 without any side effect (e.g. on the e-mail index). */
export function requireCurrentVersion(record: { etag: string }, ifMatch: string, entity: string): void {
  if (ifMatch.trim() !== '*' && !sameEtag(ifMatch, record.etag)) {
    throw new AppError('PRECONDITION_FAILED', `This ${entity} was changed by someone else since you read it. Reload it, then apply your change again.`);
  }
}

export function stamp(principal: { userId: string }, now: Date) {
  return { updatedAt: now.toISOString(), updatedBy: principal.userId };
}

/** ETags compare by their opaque part: `"abc"`, `W/"abc"` and the store's raw `abc` are one version. */
export function sameEtag(a: string, b: string): boolean {
  const opaque = (etag: string) => etag.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
  return opaque(a) === opaque(b);
}

/** The fields every new record starts with: a fresh id, the caller's tenant, who and when. */
export function newRecordFields(deps: UseCaseDeps, principal: Principal, ownerId: string): RecordBase & { ownerId: string } {
  const now = deps.now().toISOString();
  return { id: deps.newId(), tenantId: principal.tenantId, ownerId, createdAt: now, createdBy: principal.userId, updatedAt: now, updatedBy: principal.userId, deletedAt: null };
}

/**
 * The prologue of every update and delete: the role allows it, the client sent the version it
 * read, the record is one the caller may change, and that version is still current.
 */
export async function loadForChange<T extends Owned>(
  call: Pick<UseCaseCall, 'principal' | 'scope'>,
  operation: 'update' | 'delete',
  entity: SharedEntity & Entity,
  store: { get(tenantId: string, id: string): Promise<Versioned<T> | null> },
  id: string,
  ifMatch: string | undefined,
): Promise<Versioned<T>> {
  assertCan(call.principal, operation, entity);
  const etag = requireIfMatch(ifMatch);
  const current = requireWritable(call, await store.get(call.principal.tenantId, id), entity);
  requireCurrentVersion(current, etag, entity);
  return current;
}
