/** The rules that tie competitors to deals: settled statuses, consistency issues, win/loss figures. */
import {
  competitorNameKey,
  dealCompetitorIssues,
  headToHead,
  settleDealCompetitors,
  winLossOf,
  type DealCompetitor,
  type WinLossDeal,
} from '../../shared/domain/competitor';

const A = 'competitor-a';
const B = 'competitor-b';
const C = 'competitor-c';
const met = (competitorId: string, status: DealCompetitor['status'] = 'active'): DealCompetitor => ({ competitorId, status });
const fields = (issues: Array<{ field: string }>) => issues.map((issue) => issue.field);

describe('settling the competitors of a deal', () => {
  it('marks every competitor still in the race as won-against when the deal is won', () => {
    const deal = settleDealCompetitors({ status: 'won' as const, competitors: [met(A), met(B, 'withdrawn'), met(C, 'lost-to')] });
    expect(deal.competitors?.map((entry) => entry.status)).toEqual(['won-against', 'withdrawn', 'won-against']);
  });

  it('marks the named competitor lost-to when the deal is lost, and leaves the others active', () => {
    const deal = settleDealCompetitors({ status: 'lost' as const, lostToCompetitorId: B, competitors: [met(A, 'won-against'), met(B)] });
    expect(deal.competitors?.map((entry) => entry.status)).toEqual(['active', 'lost-to']);
  });

  it('puts everyone back in the race when the deal is reopened, keeping withdrawals and notes', () => {
    const deal = settleDealCompetitors({ status: 'open' as const, competitors: [{ ...met(A, 'won-against'), notes: 'cheaper' }, met(B, 'withdrawn')] });
    expect(deal.competitors).toEqual([{ competitorId: A, status: 'active', notes: 'cheaper' }, met(B, 'withdrawn')]);
  });

  it('leaves a deal without competitors as it is', () => {
    const deal = { status: 'won' as const };
    expect(settleDealCompetitors(deal)).toBe(deal);
  });
});

describe('issues with the competitors of a deal', () => {
  it('finds none in a consistent deal', () => {
    expect(dealCompetitorIssues({ status: 'lost', lostToCompetitorId: A, competitors: [met(A), met(B)] }, [met(A, 'lost-to'), met(B)])).toEqual([]);
  });

  it('names a competitor listed twice', () => {
    expect(fields(dealCompetitorIssues({ status: 'open', competitors: [met(A), met(B), met(A)] }))).toEqual(['competitors.2.competitorId']);
  });

  it('requires lost-to to name one of the deal’s competitors, still in the race, on a lost deal', () => {
    expect(fields(dealCompetitorIssues({ status: 'lost', lostToCompetitorId: C, competitors: [met(A)] }))).toEqual(['lostToCompetitorId']);
    expect(fields(dealCompetitorIssues({ status: 'lost', lostToCompetitorId: A, competitors: [met(A, 'withdrawn')] }))).toEqual(['lostToCompetitorId']);
    expect(dealCompetitorIssues({ status: 'open', lostToCompetitorId: A, competitors: [met(A)] })[0]?.message).toBe('applies only to a lost opportunity');
  });

  it('refuses outcome statuses the deal does not have in a submitted list', () => {
    const submitted = [met(A, 'won-against'), met(B, 'lost-to')];
    expect(fields(dealCompetitorIssues({ status: 'open', competitors: submitted }, submitted))).toEqual(['competitors.0.status', 'competitors.1.status']);
    expect(fields(dealCompetitorIssues({ status: 'lost', lostToCompetitorId: A, competitors: [met(A), met(B)] }, [met(A), met(B, 'lost-to')]))).toEqual(['competitors.1.status']);
  });

  it('does not judge stored statuses, which settling rewrites anyway', () => {
    expect(dealCompetitorIssues({ status: 'open', competitors: [met(A, 'won-against')] })).toEqual([]);
  });
});

describe('win/loss against a competitor', () => {
  const deal = (status: WinLossDeal['status'], amount: number, currency: string, competitors: DealCompetitor[], lostToCompetitorId?: string): WinLossDeal => ({
    status,
    amount,
    currency,
    competitors,
    ...(lostToCompetitorId ? { lostToCompetitorId } : {}),
  });

  it('classifies each deal from its outcome', () => {
    expect(headToHead(A, deal('won', 1, 'USD', [met(A, 'active')]))).toBe('won-against');
    expect(headToHead(A, deal('lost', 1, 'USD', [met(A), met(B)], B))).toBe('lost-to-others');
    expect(headToHead(A, deal('lost', 1, 'USD', [met(A, 'withdrawn')]))).toBe('withdrawn');
    expect(headToHead(C, deal('won', 1, 'USD', [met(A)]))).toBeUndefined();
  });

  it('counts outcomes and adds amounts per currency, to the cent', () => {
    const figures = winLossOf(A, [
      deal('won', 0.1, 'USD', [met(A)]),
      deal('won', 0.2, 'USD', [met(A), met(B)]),
      deal('lost', 1000, 'EUR', [met(A)], A),
      deal('lost', 500, 'USD', [met(A), met(B)], B),
      deal('open', 250.5, 'USD', [met(A)]),
      deal('won', 99, 'USD', [met(A, 'withdrawn')]),
      deal('won', 7, 'USD', [met(B)]),
    ]);
    expect(figures).toEqual({
      competitorId: A,
      deals: 6,
      open: 1,
      wonAgainst: 2,
      lostTo: 1,
      lostToOthers: 1,
      withdrawn: 1,
      winRate: 0.667,
      amounts: [
        { currency: 'EUR', open: 0, wonAgainst: 0, lostTo: 1000 },
        { currency: 'USD', open: 250.5, wonAgainst: 0.3, lostTo: 0 },
      ],
    });
  });

  it('has no win rate before any head-to-head outcome', () => {
    expect(winLossOf(A, [deal('open', 10, 'USD', [met(A)])]).winRate).toBeNull();
  });
});

it('compares competitor names ignoring case, accents and spacing', () => {
  expect(competitorNameKey('  Acmé   Corp ')).toBe(competitorNameKey('acme corp'));
});
