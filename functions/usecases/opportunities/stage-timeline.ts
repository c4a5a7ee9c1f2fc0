/**
 * Stage moves on the timelines of the opportunity and its account. The record's stageHistory is
 * the truth; timeline entries are derived from it with ids fixed by the move's index, so writing
 * them again (a retry, a change-feed replay) records each move once.
 */
import type { HistoryEntry } from '../../../shared/domain/history';
import type { OpportunityRecord, OpportunityStatus } from '../../../shared/domain/opportunity';
import { findStage, stageName, type SalesStage } from '../../../shared/domain/sales-stages';
import { recordOnTimelines } from '../history/record-on-timelines';
import type { UseCaseDeps } from '../usecase-context';

type TimelineSource = Pick<OpportunityRecord, 'id' | 'tenantId' | 'name' | 'accountId' | 'status' | 'stageHistory' | 'lossReason' | 'winReason'>;

const STATUS_TITLE: Record<OpportunityStatus, string> = { won: 'Won', lost: 'Lost', open: 'Reopened' };

/** The kind of a stage at the time of the move; a stage since removed was open (closed ones cannot be). */
function statusAt(record: TimelineSource, stages: readonly SalesStage[], index: number, stageId: string): OpportunityStatus {
  const known = findStage(stages, stageId)?.kind;
  if (known) return known;
  return index === record.stageHistory.length - 1 ? record.status : 'open';
}

/** The entries of move `index` (1 and up; 0 is the stage the deal was created at). */
export function stageTimelineEntries(record: TimelineSource, stages: readonly SalesStage[], index: number): HistoryEntry[] {
  const change = record.stageHistory[index];
  if (!change || change.from === null) return [];
  const from = stageName(stages, change.from);
  const to = stageName(stages, change.to);
  const regarding = [
    { entity: 'opportunity' as const, id: record.id },
    { entity: 'account' as const, id: record.accountId },
  ];
  const base = { tenantId: record.tenantId, occurredAt: change.at, actorId: change.by, regarding };
  const entries: HistoryEntry[] = [
    { ...base, id: `stage:${record.id}:${index}`, kind: 'stage-change', title: `Stage: ${from} → ${to}`, summary: record.name, details: { from, to, fromStage: change.from, toStage: change.to } },
  ];
  const before = statusAt(record, stages, index - 1, change.from);
  const after = statusAt(record, stages, index, change.to);
  if (before !== after) {
    const isLatest = index === record.stageHistory.length - 1;
    const reason = isLatest ? (after === 'lost' ? record.lossReason : after === 'won' ? record.winReason : undefined) : undefined;
    entries.push({
      ...base,
      id: `status:${record.id}:${index}`,
      kind: 'status-change',
      title: `${STATUS_TITLE[after]}: ${record.name}`,
      ...(reason ? { summary: reason } : {}),
      details: { from: before, to: after, ...(reason ? { reason } : {}) },
    });
  }
  return entries;
}

/** Writes the timeline entries of the moves from `fromIndex` on; an entry already recorded counts as done. */
export async function recordStageChanges(deps: UseCaseDeps, record: TimelineSource, stages: readonly SalesStage[], fromIndex: number): Promise<void> {
  for (let index = Math.max(1, fromIndex); index < record.stageHistory.length; index += 1) {
    for (const entry of stageTimelineEntries(record, stages, index)) {
      await recordOnTimelines(deps, entry);
    }
  }
}
