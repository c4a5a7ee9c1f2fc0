import type { OpportunityRecord } from '../../../shared/domain/opportunity';
import type { UseCaseDeps } from '../usecase-context';
import { loadStages } from './opportunity-rules';
import { recordStageChanges } from './stage-timeline';

const RECENT_MOVES = 3;

/**
 * For an opportunities change-feed handler: writes the recent stage moves of the record to the
 * timelines, so a move whose timeline write was lost (a crash right after saving the deal) still
 * appears. Entries already there are skipped by id, so replays are harmless. Only the last few
 * moves are looked at: the feed may coalesce quick successive saves, and older moves were
 * checked when their own save came through.
 */
export async function syncStageTimeline(deps: UseCaseDeps, record: OpportunityRecord): Promise<void> {
  if (record.stageHistory.length < 2) return;
  const { stages } = await loadStages(deps, record.tenantId);
  await recordStageChanges(deps, record, stages, record.stageHistory.length - RECENT_MOVES);
}
