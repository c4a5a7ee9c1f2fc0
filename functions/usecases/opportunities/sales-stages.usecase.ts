import type { SalesStagesUpdate } from '../../../shared/contracts/opportunities.contract';
import { assertCan } from '../../../shared/domain/access-policy';
import { AppError, type FieldIssue } from '../../../shared/domain/errors';
import { stageListChanges, type SalesStage } from '../../../shared/domain/sales-stages';
import { requireCurrentVersion, requireIfMatch } from '../record-guards';
import type { UseCaseCall, UseCaseDeps } from '../usecase-context';
import { loadStages, salesStageStore, type TenantStages } from './opportunity-rules';

/** Anyone with a CRM role reads the stages: every pane shows them. */
export async function getSalesStages({ deps, principal }: UseCaseCall): Promise<TenantStages> {
  assertCan(principal, 'read', 'settings');
  return loadStages(deps, principal.tenantId);
}

/**
 * Deals must never sit at a stage that is gone, or silently change outcome: a stage open deals
 * are at cannot be removed, and a stage any live deal is at cannot change its kind. Renames and
 * new default probabilities are free (existing deals keep theirs until their next move).
 */
async function stagesInUseIssues(deps: UseCaseDeps, tenantId: string, before: readonly SalesStage[], after: readonly SalesStage[]): Promise<FieldIssue[]> {
  const { removed, kindChanged } = stageListChanges(before, after);
  const repository = deps.stores.opportunities;
  const removedInUse = await Promise.all(removed.map((stage) => repository.anyAtStage(tenantId, stage.id, 'open')));
  const kindInUse = await Promise.all(kindChanged.map((stage) => repository.anyAtStage(tenantId, stage.id)));
  return [
    ...removed
      .filter((_stage, index) => removedInUse[index])
      .map((stage) => ({ field: 'stages', message: `cannot drop "${stage.name}" (${stage.id}): open opportunities are at this stage; move them first` })),
    ...kindChanged
      .filter((_stage, index) => kindInUse[index])
      .map((stage) => ({
        field: `stages.${after.indexOf(stage)}.kind`,
        message: `cannot change the kind of "${stage.name}" (${stage.id}): opportunities are at this stage`,
      })),
  ];
}

export async function updateSalesStages({ deps, principal }: UseCaseCall, input: SalesStagesUpdate, ifMatch: string | undefined): Promise<TenantStages> {
  assertCan(principal, 'update', 'settings');
  const etag = requireIfMatch(ifMatch);
  const current = await loadStages(deps, principal.tenantId);
  requireCurrentVersion(current, etag, 'list of sales stages');
  const issues = await stagesInUseIssues(deps, principal.tenantId, current.stages, input.stages);
  if (issues.length) throw new AppError('VALIDATION', `Check stages: ${issues.map((issue) => issue.message).join('; ')}.`, { issues });
  const saved = await salesStageStore(deps).save(
    { tenantId: principal.tenantId, stages: input.stages, updatedAt: deps.now().toISOString(), updatedBy: principal.userId },
    current.stored ? current.etag : undefined,
  );
  return { stages: saved.stages, etag: saved.etag, stored: true, updatedAt: saved.updatedAt, updatedBy: saved.updatedBy };
}
