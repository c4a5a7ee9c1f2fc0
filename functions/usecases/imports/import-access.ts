/** Who may see and change an import job, and whose rights its rows are written with. */
import { assertCan, can } from '../../../shared/domain/access-policy';
import { AppError } from '../../../shared/domain/errors';
import { fieldPolicyFor } from '../../../shared/domain/field-security';
import type { ImportEntity } from '../../../shared/domain/import-fields';
import type { ImportJobRecord } from '../../../shared/domain/import-job';
import type { Principal } from '../../../shared/domain/principal';
import type { Versioned } from '../../../shared/domain/record';
import { scopeOf } from '../../../shared/domain/record-access';
import { requireCurrentVersion, requireIfMatch } from '../record-guards';
import type { UseCaseCall, UseCaseDeps } from '../usecase-context';

/**
 * Its owner sees a job, and so do those who may assign records of its entity (managers, admins)
 * when helping; anyone else, and every other tenant, gets the same 404 as for a missing job.
 */
export async function requireReadableJob({ deps, principal }: UseCaseCall, id: string): Promise<Versioned<ImportJobRecord>> {
  const job = await deps.stores.importJobs.get(principal.tenantId, id);
  if (!job || job.deletedAt !== null || (job.ownerId !== principal.userId && !can(principal, 'assign', job.entity))) {
    throw new AppError('NOT_FOUND', 'No import with this id.');
  }
  return job;
}

/** Changing or committing: the owner only, still allowed to create what it imports, at the version they read. */
export async function requireWritableJob(call: UseCaseCall, id: string, ifMatch: string | undefined): Promise<Versioned<ImportJobRecord>> {
  const version = requireIfMatch(ifMatch);
  const job = await requireReadableJob(call, id);
  if (job.ownerId !== call.principal.userId) throw new AppError('FORBIDDEN', 'Only the person who uploaded this file can change or start its import.');
  assertCan(call.principal, 'create', job.entity);
  requireCurrentVersion(job, version, 'import');
  return job;
}

export function requirePreviewStatus(job: ImportJobRecord): void {
  if (job.status !== 'preview') {
    throw new AppError('CONFLICT', `This import is already ${job.status}; upload the file again to import it differently.`);
  }
}

/** The fields of the entity this user may not set, from the tenant's field rules. */
export async function lockedFields(deps: UseCaseDeps, principal: Pick<Principal, 'tenantId' | 'roles'>, entity: ImportEntity): Promise<Set<string>> {
  const { value: rules } = await deps.stores.fieldRules.get(principal.tenantId);
  return fieldPolicyFor(rules, principal.roles).locked(entity);
}

/**
 * The rows are written in the background with the uploader's rights, as if they typed each
 * record: their roles as at upload, their teams as they are now.
 */
export async function importerCall(deps: UseCaseDeps, job: ImportJobRecord): Promise<UseCaseCall> {
  const { value: teams } = await deps.stores.teams.get(job.tenantId);
  return {
    deps,
    principal: { tenantId: job.tenantId, userId: job.ownerId, displayName: job.importer.displayName, email: job.importer.email, roles: job.importer.roles, scopes: [] },
    scope: scopeOf(job.ownerId, teams),
  };
}
