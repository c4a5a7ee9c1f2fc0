/** The rules of a tenant's sales stage list. */
import { SalesStagesUpdate } from '../../shared/contracts/opportunities.contract';
import {
  DEFAULT_SALES_STAGES,
  firstOpenStage,
  stageListChanges,
  stageListIssues,
  stageName,
  type SalesStage,
} from '../../shared/domain/sales-stages';

const open = (id: string, probability: number): SalesStage => ({ id, name: id.toUpperCase(), probability, kind: 'open' });
const won: SalesStage = { id: 'won', name: 'Won', probability: 100, kind: 'won' };
const lost: SalesStage = { id: 'lost', name: 'Lost', probability: 0, kind: 'lost' };

describe('the default stage list', () => {
  it('runs Prospect 10%, Qualify 20%, Develop 40%, Propose 60%, Negotiate 80%, then Closed won 100% and Closed lost 0%', () => {
    expect(DEFAULT_SALES_STAGES.map((stage) => [stage.name, stage.probability, stage.kind])).toEqual([
      ['Prospect', 10, 'open'],
      ['Qualify', 20, 'open'],
      ['Develop', 40, 'open'],
      ['Propose', 60, 'open'],
      ['Negotiate', 80, 'open'],
      ['Closed won', 100, 'won'],
      ['Closed lost', 0, 'lost'],
    ]);
  });

  it('is itself a valid list', () => {
    expect(stageListIssues(DEFAULT_SALES_STAGES)).toEqual([]);
  });

  it('starts new deals at its first open stage', () => {
    expect(firstOpenStage(DEFAULT_SALES_STAGES)?.id).toBe('prospect');
    expect(firstOpenStage([won, open('late', 50), lost])?.id).toBe('late');
  });
});

describe('a valid stage list', () => {
  it('has unique ids and unique names, whatever their case', () => {
    const issues = stageListIssues([open('a', 10), { ...open('a', 20), name: 'Other' }, { ...open('c', 30), name: 'a' }, won, lost]);
    expect(issues).toEqual([
      { path: [1, 'id'], message: 'appears twice in the list' },
      { path: [2, 'name'], message: 'appears twice in the list' },
    ]);
  });

  it('has at least one open stage', () => {
    expect(stageListIssues([won, lost])).toEqual([{ path: [], message: 'must have at least one open stage' }]);
  });

  it('has exactly one won and one lost stage', () => {
    expect(stageListIssues([open('a', 10), lost])).toContainEqual({ path: [], message: 'must have one won stage' });
    expect(stageListIssues([open('a', 10), won])).toContainEqual({ path: [], message: 'must have one lost stage' });
    expect(stageListIssues([open('a', 10), won, { ...won, id: 'won-2', name: 'Won again' }, lost])).toEqual([{ path: [2, 'kind'], message: 'only one stage may be won' }]);
  });

  it('weighs a won deal 100% and a lost one 0%', () => {
    expect(stageListIssues([open('a', 10), { ...won, probability: 90 }, { ...lost, probability: 5 }])).toEqual([
      { path: [1, 'probability'], message: 'must be 100 for the won stage' },
      { path: [2, 'probability'], message: 'must be 0 for the lost stage' },
    ]);
  });
});

describe('the settings request', () => {
  it('names the offending field of each problem, in the stages and in the list at once', () => {
    const result = SalesStagesUpdate.safeParse({ stages: [open('a', 10), { ...open('b', 120) }, { ...open('a', 30), name: 'Third' }, won] });
    expect(result.success).toBe(false);
    const fields = result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
    expect(fields).toEqual(['stages.1.probability', 'stages.2.id', 'stages']);
  });

  it('checks the list as a whole, naming the duplicate and the missing outcome', () => {
    const result = SalesStagesUpdate.safeParse({ stages: [open('a', 10), { ...open('a', 30), name: 'Third' }, won] });
    const fields = result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    expect(fields).toEqual(['stages.1.id: appears twice in the list', 'stages: must have one lost stage']);
  });

  it('refuses ids that are not slugs', () => {
    const result = SalesStagesUpdate.safeParse({ stages: [{ ...open('Needs Analysis', 10) }, won, lost] });
    expect(result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'))).toEqual(['stages.0.id']);
  });
});

describe('changing the list', () => {
  it('tells which stages are dropped and which change kind', () => {
    const before = [open('a', 10), open('b', 50), won, lost];
    const after = [open('a', 15), { ...open('b', 100), kind: 'won' as const }, lost];
    const changes = stageListChanges(before, after);
    expect(changes.removed.map((stage) => stage.id)).toEqual(['won']);
    expect(changes.kindChanged.map((stage) => stage.id)).toEqual(['b']);
  });

  it('shows a stage no longer in the list by its id', () => {
    expect(stageName(DEFAULT_SALES_STAGES, 'propose')).toBe('Propose');
    expect(stageName(DEFAULT_SALES_STAGES, 'old-stage')).toBe('old-stage');
  });
});
