/** Quotas per user or team and period: one per subject and period, set by their managers. */
import { createHash } from 'node:crypto';
import type { QuotaCreate, QuotaListQuery, QuotaUpdate } from '../../../shared/contracts/quotas.contract';
import { AppError } from '../../../shared/domain/errors';
import { canReadQuota, canSetQuota, type QuotaRecord } from '../../../shared/domain/quota';
import { isLive, type Page, type Versioned } from '../../../shared/domain/record';
import { applyMergePatch } from '../merge-patch';
import { newRecordFields, requireCurrentVersion, requireIfMatch, stamp } from '../record-guards';
import type { UseCaseCall } from '../usecase-context';

/** One id per tenant, subject and period, so two managers setting the same quota meet as a conflict. */
function quotaId(tenantId: string, input: Pick<QuotaCreate, 'subjectType' | 'subjectId' | 'period'>): string {
  const hex = createHash('sha256').update(`quota\n${tenantId}\n${input.subjectType}\n${input.subjectId}\n${input.period}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function forbidden(): AppError {
  return new AppError('FORBIDDEN', 'Only admins, and managers for the people and teams they manage, set quotas.');
}

async function readable({ deps, principal, scope }: UseCaseCall, id: string): Promise<Versioned<QuotaRecord>> {
  const quota = await deps.stores.quotas.get(principal.tenantId, id);
  if (!quota || !isLive(quota) || !canReadQuota(principal, scope, quota.subjectType, quota.subjectId)) throw new AppError('NOT_FOUND', 'No quota with this id.');
  return quota;
}

export async function createQuota(call: UseCaseCall, input: QuotaCreate): Promise<Versioned<QuotaRecord>> {
  const { deps, principal, scope } = call;
  if (!canSetQuota(principal, scope, input.subjectType, input.subjectId)) throw forbidden();
  const id = quotaId(principal.tenantId, input);
  const record: QuotaRecord = { ...input, ...newRecordFields({ ...deps, newId: () => id }, principal, input.subjectId) };
  const existing = await deps.stores.quotas.get(principal.tenantId, id);
  if (existing && isLive(existing)) {
    throw new AppError('CONFLICT', `${input.subjectType === 'user' ? 'This user' : 'This team'} already has a quota for ${input.period}: change it instead (quota ${id}).`);
  }
  // A removed quota's tombstone is revived rather than left to block the period.
  return existing ? deps.stores.quotas.replace({ ...record, createdAt: existing.createdAt, createdBy: existing.createdBy }, existing.etag) : deps.stores.quotas.create(record);
}

export function getQuota(call: UseCaseCall, id: string): Promise<Versioned<QuotaRecord>> {
  return readable(call, id);
}

export async function updateQuota(call: UseCaseCall, id: string, patch: QuotaUpdate, ifMatch: string | undefined): Promise<Versioned<QuotaRecord>> {
  const etag = requireIfMatch(ifMatch);
  const current = await readable(call, id);
  if (!canSetQuota(call.principal, call.scope, current.subjectType, current.subjectId)) throw forbidden();
  requireCurrentVersion(current, etag, 'quota');
  const { etag: _etag, ...record } = current;
  return call.deps.stores.quotas.replace({ ...applyMergePatch<QuotaRecord>(record, patch), ...stamp(call.principal, call.deps.now()) }, current.etag, current);
}

export async function deleteQuota(call: UseCaseCall, id: string, ifMatch: string | undefined): Promise<void> {
  const etag = requireIfMatch(ifMatch);
  const current = await readable(call, id);
  if (!canSetQuota(call.principal, call.scope, current.subjectType, current.subjectId)) throw forbidden();
  requireCurrentVersion(current, etag, 'quota');
  const { etag: _etag, ...record } = current;
  const now = call.deps.now();
  await call.deps.stores.quotas.replace({ ...record, ...stamp(call.principal, now), deletedAt: now.toISOString() }, current.etag, current);
}

export function listQuotas({ deps, principal, scope }: UseCaseCall, query: QuotaListQuery): Promise<Page<Versioned<QuotaRecord>>> {
  const { limit, continuation, ...filter } = query;
  const seesAll = principal.roles.some((role) => role === 'admin' || role === 'sales-manager' || role === 'read-only');
  if (principal.roles.length === 0) throw new AppError('FORBIDDEN', 'Your account has no CRM role. Ask a CRM administrator for access.');
  return deps.stores.quotas.list(principal.tenantId, { ...filter, ...(seesAll ? {} : { visibleTo: { userId: scope.userId, teamIds: scope.teamIds } }) }, { limit, continuation });
}
