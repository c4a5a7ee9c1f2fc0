import type { OpportunityStageMove } from '../../../shared/contracts/opportunities.contract';
import { AppError } from '../../../shared/domain/errors';
import { enterStage, type OpportunityRecord } from '../../../shared/domain/opportunity';
import type { Versioned } from '../../../shared/domain/record';
import { loadForChange, stamp } from '../record-guards';
import { withDealCompetitors, withLostTo } from '../competitors/deal-competitors';
import type { UseCaseCall } from '../usecase-context';
import { loadStages, requireStage } from './opportunity-rules';
import { recordStageChanges } from './stage-timeline';

/** The add-ins' "move to another stage": one stage move, recorded on the deal and on the timelines. */
export async function moveOpportunityStage(
  { deps, principal, scope }: UseCaseCall,
  id: string,
  input: OpportunityStageMove,
  ifMatch: string | undefined,
): Promise<Versioned<OpportunityRecord>> {
  const current = await loadForChange({ principal, scope }, 'update', 'opportunity', deps.stores.opportunities, id, ifMatch);
  const { stages } = await loadStages(deps, principal.tenantId);
  const target = requireStage(stages, input.stage);
  if (target.id === current.stage) {
    throw new AppError('VALIDATION', `The opportunity is already at ${target.name}.`, { issues: [{ field: 'stage', message: 'is already the stage of this opportunity' }] });
  }
  const { etag: _etag, ...record } = current;
  const now = deps.now();
  const moved = enterStage(record, target, input, { at: now.toISOString(), by: principal.userId });
  // The competitors' outcome statuses follow the new stage (won against everyone still in the race, say).
  const settled = await withDealCompetitors(deps, withLostTo(moved, input.lostToCompetitorId), undefined);
  const saved = await deps.stores.opportunities.replace({ ...settled, ...stamp(principal, now) }, current.etag, current);
  await recordStageChanges(deps, saved, stages, current.stageHistory.length);
  return saved;
}
