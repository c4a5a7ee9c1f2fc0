/** How a deal's probability, status, closing and forecast weight follow from its stage. */
import { AppError } from '../../shared/domain/errors';
import {
  closingIssues,
  enterStage,
  hasAtMostTwoDecimals,
  isCurrencyCode,
  probabilityAt,
  roundAmount,
  statusOfStage,
  weightedAmount,
  withProbability,
  type OpportunityRecord,
} from '../../shared/domain/opportunity';
import { DEFAULT_SALES_STAGES, findStage, type SalesStage } from '../../shared/domain/sales-stages';

function stage(id: string): SalesStage {
  const found = findStage(DEFAULT_SALES_STAGES, id);
  if (!found) throw new Error(`no stage ${id}`);
  return found;
}

type Deal = Pick<OpportunityRecord, 'stage' | 'status' | 'probability' | 'probabilityOverridden' | 'actualCloseDate' | 'lossReason' | 'winReason' | 'stageHistory'>;
const by = { at: '2026-10-05T14:30:00.000Z', by: 'rep-1' };

function dealAt(id: string, extra: Partial<Deal> = {}): Deal {
  const at = stage(id);
  return { stage: id, status: at.kind, probability: at.probability, probabilityOverridden: false, stageHistory: [{ from: null, to: id, at: '2026-09-01T09:00:00.000Z', by: 'rep-1' }], ...extra };
}

function validationFields(action: () => unknown): string[] {
  try {
    action();
  } catch (error) {
    if (error instanceof AppError && error.code === 'VALIDATION') return error.issues.map((issue) => issue.field);
    throw error;
  }
  return [];
}

describe('probability', () => {
  it('is the stage default unless set by hand', () => {
    expect(probabilityAt(stage('qualify'), undefined)).toEqual({ probability: 20, probabilityOverridden: false });
    expect(probabilityAt(stage('qualify'), 35)).toEqual({ probability: 35, probabilityOverridden: true });
  });

  it('set to the stage default is not an override', () => {
    expect(probabilityAt(stage('propose'), 60)).toEqual({ probability: 60, probabilityOverridden: false });
  });

  it('is fixed by a closed stage: 100 when won, 0 when lost', () => {
    expect(probabilityAt(stage('closed-won'), 70)).toEqual({ probability: 100, probabilityOverridden: false });
    expect(probabilityAt(stage('closed-lost'), 70)).toEqual({ probability: 0, probabilityOverridden: false });
  });

  it('follows the stage on a move when it was not overridden', () => {
    expect(enterStage(dealAt('qualify'), stage('propose'), {}, by).probability).toBe(60);
  });

  it('stays on a move between open stages when it was overridden', () => {
    const moved = enterStage(dealAt('qualify', { probability: 35, probabilityOverridden: true }), stage('propose'), {}, by);
    expect(moved).toMatchObject({ probability: 35, probabilityOverridden: true });
  });

  it('set back to null follows the stage again', () => {
    const deal = dealAt('develop', { probability: 55, probabilityOverridden: true });
    expect(withProbability(deal, stage('develop'), null)).toMatchObject({ probability: 40, probabilityOverridden: false });
  });

  it('cannot be changed on a closed deal', () => {
    const closed = dealAt('closed-won');
    expect(validationFields(() => withProbability(closed, stage('closed-won'), 80))).toEqual(['probability']);
    expect(withProbability(closed, stage('closed-won'), 100).probability).toBe(100);
  });
});

describe('status', () => {
  it('is the kind of the stage: open, won or lost', () => {
    expect(DEFAULT_SALES_STAGES.map((candidate) => statusOfStage(candidate))).toEqual(['open', 'open', 'open', 'open', 'open', 'won', 'lost']);
  });
});

describe('closing', () => {
  it('a lost deal must say why', () => {
    expect(closingIssues('lost', {})).toEqual([{ field: 'lossReason', message: 'is required when an opportunity is lost' }]);
    expect(validationFields(() => enterStage(dealAt('propose'), stage('closed-lost'), {}, by))).toEqual(['lossReason']);
  });

  it('a won deal may say why, but a reason must match the outcome', () => {
    expect(closingIssues('won', {})).toEqual([]);
    expect(closingIssues('won', { lossReason: 'Price' }).map((issue) => issue.field)).toEqual(['lossReason']);
    expect(closingIssues('lost', { lossReason: 'Price', winReason: 'Fit' }).map((issue) => issue.field)).toEqual(['winReason']);
    expect(closingIssues('open', { winReason: 'Fit' }).map((issue) => issue.field)).toEqual(['winReason']);
  });

  it('dates the deal the day it is won or lost and keeps the reason', () => {
    const lost = enterStage(dealAt('negotiate'), stage('closed-lost'), { lossReason: 'No budget' }, by);
    expect(lost).toMatchObject({ status: 'lost', probability: 0, actualCloseDate: '2026-10-05', lossReason: 'No budget' });
    const won = enterStage(dealAt('negotiate', { probability: 90, probabilityOverridden: true }), stage('closed-won'), { winReason: 'Fit' }, by);
    expect(won).toMatchObject({ status: 'won', probability: 100, probabilityOverridden: false, actualCloseDate: '2026-10-05', winReason: 'Fit' });
  });

  it('reopening clears the close date and the reason, and the probability follows the stage', () => {
    const reopened = enterStage(dealAt('closed-lost', { actualCloseDate: '2026-10-01', lossReason: 'Timing' }), stage('develop'), {}, by);
    expect(reopened).toMatchObject({ status: 'open', probability: 40 });
    expect(reopened).not.toHaveProperty('actualCloseDate');
    expect(reopened).not.toHaveProperty('lossReason');
  });
});

describe('stage history', () => {
  it('records every move with where from, where to, when and by whom', () => {
    const moved = enterStage(enterStage(dealAt('prospect'), stage('qualify'), {}, by), stage('propose'), {}, { at: '2026-10-09T08:00:00.000Z', by: 'rep-2' });
    expect(moved.stageHistory.map(({ from, to, by: who }) => [from, to, who])).toEqual([
      [null, 'prospect', 'rep-1'],
      ['prospect', 'qualify', 'rep-1'],
      ['qualify', 'propose', 'rep-2'],
    ]);
  });

  it('starts with the stage a new deal enters, coming from nowhere', () => {
    const created = enterStage({ ...dealAt('prospect'), stage: '', stageHistory: [] }, stage('qualify'), {}, by);
    expect(created.stageHistory).toEqual([{ from: null, to: 'qualify', at: by.at, by: 'rep-1' }]);
  });
});

describe('money', () => {
  it('weighs a deal by amount × probability, to the cent', () => {
    expect(weightedAmount({ amount: 84000, probability: 60 })).toBe(50400);
    expect(weightedAmount({ amount: 999.99, probability: 33 })).toBe(330);
    expect(weightedAmount({ amount: 10.01, probability: 50 })).toBe(5.01);
    expect(weightedAmount({ amount: 5000, probability: 0 })).toBe(0);
  });

  it('keeps amounts to two decimals', () => {
    expect(hasAtMostTwoDecimals(1234.56)).toBe(true);
    expect(hasAtMostTwoDecimals(0.1 + 0.2)).toBe(true);
    expect(hasAtMostTwoDecimals(12.345)).toBe(false);
    expect(roundAmount(0.1 + 0.2)).toBe(0.3);
  });

  it('accepts ISO 4217 currency codes only', () => {
    expect(['USD', 'EUR', 'GBP', 'JPY', 'SEK'].every(isCurrencyCode)).toBe(true);
    expect(['usd', 'EURO', 'ABC', ''].some(isCurrencyCode)).toBe(false);
  });
});
