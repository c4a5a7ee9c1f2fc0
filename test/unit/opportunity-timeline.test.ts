/** What a stage move writes on the timelines of the deal and its account. */
import { stageTimelineEntries } from '../../functions/usecases/opportunities/stage-timeline';
import type { OpportunityRecord } from '../../shared/domain/opportunity';
import { DEFAULT_SALES_STAGES } from '../../shared/domain/sales-stages';

type Source = Parameters<typeof stageTimelineEntries>[0];

function deal(history: Array<[string | null, string]>, extra: Partial<OpportunityRecord> = {}): Source {
  return {
    id: 'opp-1', tenantId: 't1', name: 'Northwind Traders — 200 licences', accountId: 'acc-1', status: 'open',
    stageHistory: history.map(([from, to], n) => ({ from, to, at: `2026-10-0${n + 1}T10:00:00.000Z`, by: 'rep-1' })),
    ...extra,
  };
}

it('records a move as a stage change on the deal and its account, with an id fixed by the move', () => {
  const [entry, ...others] = stageTimelineEntries(deal([[null, 'qualify'], ['qualify', 'propose']]), DEFAULT_SALES_STAGES, 1);
  expect(others).toEqual([]);
  expect(entry).toMatchObject({
    id: 'stage:opp-1:1',
    kind: 'stage-change',
    title: 'Stage: Qualify → Propose',
    occurredAt: '2026-10-02T10:00:00.000Z',
    actorId: 'rep-1',
    details: { from: 'Qualify', to: 'Propose' },
    regarding: [{ entity: 'opportunity', id: 'opp-1' }, { entity: 'account', id: 'acc-1' }],
  });
});

it('adds a status change with the reason when the deal is won or lost', () => {
  const lost = deal([[null, 'propose'], ['propose', 'closed-lost']], { status: 'lost', lossReason: 'No budget' });
  const entries = stageTimelineEntries(lost, DEFAULT_SALES_STAGES, 1);
  expect(entries.map((entry) => [entry.id, entry.kind, entry.title])).toEqual([
    ['stage:opp-1:1', 'stage-change', 'Stage: Propose → Closed lost'],
    ['status:opp-1:1', 'status-change', 'Lost: Northwind Traders — 200 licences'],
  ]);
  expect(entries[1]).toMatchObject({ summary: 'No budget', details: { from: 'open', to: 'lost', reason: 'No budget' } });
});

it('calls moving a closed deal back to an open stage a reopening', () => {
  const reopened = deal([[null, 'propose'], ['propose', 'closed-won'], ['closed-won', 'negotiate']]);
  expect(stageTimelineEntries(reopened, DEFAULT_SALES_STAGES, 2).map((entry) => entry.title)).toEqual([
    'Stage: Closed won → Negotiate',
    'Reopened: Northwind Traders — 200 licences',
  ]);
});

it('writes nothing for the stage a deal was created at', () => {
  expect(stageTimelineEntries(deal([[null, 'prospect']]), DEFAULT_SALES_STAGES, 0)).toEqual([]);
});
