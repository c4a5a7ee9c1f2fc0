/**
 * Competitors over HTTP: profiles (unique names, rights, ETags, notes), the competitors met on a
 * deal (validation, the lost-to and won-against rules), and the deals and win/loss against a
 * competitor as each caller may see them. Runs on the seeded demo tenant (teams East and West).
 */
import { useLocalStack } from '../support/use-local-stack';

type Competitor = { id: string; etag: string; name: string; threatLevel: string; strengths: string[]; strategyNotes: Array<{ authorId: string; text: string }> };
type DealCompetitor = { competitorId: string; status: string; notes?: string };
type Deal = { id: string; etag: string; status: string; competitors?: DealCompetitor[]; lostToCompetitorId?: string };
type Problem = { code: string; errors?: Array<{ field: string; message: string }> };
type Page<T> = { items: T[]; continuation: string | null };
type WinLoss = { deals: number; open: number; wonAgainst: number; lostTo: number; lostToOthers: number; withdrawn: number; winRate: number | null; amounts: unknown[] };

const { call, tokens } = useLocalStack({ seed: true, users: ['admin', 'manager', 'rep1', 'rep2', 'marketing', 'readonly', 'other-admin'] });
let accountId: string;
let rival: Competitor;
let other: Competitor;

const fields = (problem: Problem) => (problem.errors ?? []).map((issue) => issue.field);

async function addCompetitor(name: string, token = tokens.rep1): Promise<Competitor> {
  const response = await call<Competitor>('POST', 'competitors', { token, body: { name, strengths: ['Cheap'], threatLevel: 'high' } });
  expect(response.status).toBe(201);
  return response.body;
}

async function addDeal(body: Record<string, unknown>, token = tokens.rep1) {
  return call<Deal & Problem>('POST', 'opportunities', { token, body: { name: 'Competitive deal', accountId, amount: 1000, expectedCloseDate: '2027-03-31', ...body } });
}

async function move(deal: Deal, body: Record<string, unknown>, token = tokens.rep1) {
  return call<Deal & Problem>('POST', `opportunities/${deal.id}/stage`, { token, body, headers: { 'If-Match': deal.etag } });
}

beforeAll(async () => {
  accountId = (await call<{ id: string }>('POST', 'accounts', { token: tokens.rep1, body: { name: 'Contested Customer' } })).body.id;
  rival = await addCompetitor('Rival Systems');
  other = await addCompetitor('Other Vendor');
});

describe('competitor profiles', () => {
  it('are maintained by sales roles and read by everyone', async () => {
    for (const user of ['marketing', 'readonly']) {
      expect((await call('POST', 'competitors', { token: tokens[user], body: { name: 'Refused' } })).status).toBe(403);
      expect((await call<Competitor>('GET', `competitors/${rival.id}`, { token: tokens[user] })).body).toMatchObject({ name: 'Rival Systems', strengths: ['Cheap'] });
    }
    const created = await call<Competitor>('POST', 'competitors', { token: tokens.manager, body: { name: 'Manager Corp' } });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/api/competitors/${created.body.id}`);
    expect(created.body).toMatchObject({ threatLevel: 'medium', strengths: [], strategyNotes: [] });
  });

  it('keep names unique per tenant, ignoring case and accents, and free the name of a deleted profile', async () => {
    const taken = await call<Problem>('POST', 'competitors', { token: tokens.rep2, body: { name: '  rival SYSTÈMS ' } });
    expect(taken.status).toBe(409);
    expect(fields(taken.body)).toEqual(['name']);
    expect((await call('POST', 'competitors', { token: tokens['other-admin'], body: { name: 'Rival Systems' } })).status).toBe(201);
    const temporary = await addCompetitor('Short Lived');
    expect((await call('DELETE', `competitors/${temporary.id}`, { token: tokens.rep1 })).status).toBe(428);
    expect((await call('DELETE', `competitors/${temporary.id}`, { token: tokens.readonly, headers: { 'If-Match': temporary.etag } })).status).toBe(403);
    expect((await call('DELETE', `competitors/${temporary.id}`, { token: tokens.rep1, headers: { 'If-Match': temporary.etag } })).status).toBe(204);
    expect((await call('GET', `competitors/${temporary.id}`, { token: tokens.rep1 })).status).toBe(404);
    await addCompetitor('short lived');
  });

  it('change under If-Match, with 412 for a stale version and 400 naming bad fields', async () => {
    const profile = await addCompetitor('Patchable Inc');
    const changed = await call<Competitor>('PATCH', `competitors/${profile.id}`, { token: tokens.rep1, body: { weaknesses: ['Slow'], website: 'https://patchable.example' }, headers: { 'If-Match': profile.etag } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ weaknesses: ['Slow'], website: 'https://patchable.example', strengths: ['Cheap'] });
    expect((await call('PATCH', `competitors/${profile.id}`, { token: tokens.rep1, body: { name: 'Stale' }, headers: { 'If-Match': profile.etag } })).status).toBe(412);
    const bad = await call<Problem>('PATCH', `competitors/${profile.id}`, { token: tokens.rep1, body: { website: 'nope', threatLevel: 'extreme', strategyNotes: [] }, headers: { 'If-Match': changed.body.etag } });
    expect(bad.status).toBe(400);
    expect(fields(bad.body)).toEqual(expect.arrayContaining(['threatLevel', 'website', 'strategyNotes']));
  });

  it('gather dated strategy notes with their author, oldest first', async () => {
    const first = await call<Competitor>('POST', `competitors/${other.id}/notes`, { token: tokens.manager, body: { text: 'Cut prices by 20%' } });
    expect(first.status).toBe(201);
    const second = await call<Competitor>('POST', `competitors/${other.id}/notes`, { token: tokens.rep1, body: { text: 'Hired our former sales lead' } });
    expect(second.body.strategyNotes.map((note) => note.text)).toEqual(['Cut prices by 20%', 'Hired our former sales lead']);
    expect(second.body.strategyNotes[0]?.authorId).not.toBe(second.body.strategyNotes[1]?.authorId);
    expect((await call('POST', `competitors/${other.id}/notes`, { token: tokens.readonly, body: { text: 'x' } })).status).toBe(403);
    other = second.body;
  });

  it('are listed by name, a page at a time, and found by keyword', async () => {
    const first = await call<Page<Competitor>>('GET', 'competitors?limit=2', { token: tokens.readonly });
    expect(first.body.items).toHaveLength(2);
    const second = await call<Page<Competitor>>('GET', `competitors?limit=2&continuation=${encodeURIComponent(first.body.continuation ?? '')}`, { token: tokens.readonly });
    expect(second.body.items[0]?.name.localeCompare(first.body.items[1]?.name ?? '')).toBe(1);
    const found = await call<Page<Competitor>>('GET', 'competitors?q=rival', { token: tokens.rep2 });
    expect(found.body.items.map((item) => item.id)).toEqual([rival.id]);
  });

  it('are invisible to another tenant', async () => {
    for (const path of [`competitors/${rival.id}`, `competitors/${rival.id}/deals`, `competitors/${rival.id}/win-loss`]) {
      expect((await call('GET', path, { token: tokens['other-admin'] })).status).toBe(404);
    }
    const foreign = (await call<{ id: string }>('POST', 'accounts', { token: tokens['other-admin'], body: { name: 'Fabrikam customer' } })).body;
    const refused = await call<Problem>('POST', 'opportunities', {
      token: tokens['other-admin'],
      body: { name: 'x', accountId: foreign.id, expectedCloseDate: '2027-01-01', competitors: [{ competitorId: rival.id }] },
    });
    expect(refused.status).toBe(400);
    expect(fields(refused.body)).toEqual(['competitors.0.competitorId']);
  });

  it('come with the seeded demo data, some of them met on deals', async () => {
    const seeded = await call<Page<Competitor>>('GET', 'competitors?q=salesforge', { token: tokens.admin });
    expect(seeded.body.items[0]?.strategyNotes.length).toBeGreaterThan(0);
    const deals = await call<Page<Deal>>(`GET`, `competitors/${seeded.body.items[0]?.id}/deals`, { token: tokens.admin });
    expect(deals.body.items.length).toBeGreaterThan(0);
  });
});

describe('competitors on a deal', () => {
  it('must be live competitor profiles, each once', async () => {
    const unknown = await addDeal({ competitors: [{ competitorId: rival.id }, { competitorId: '00000000-0000-4000-8000-000000000000' }] });
    expect(unknown.status).toBe(400);
    expect(fields(unknown.body)).toEqual(['competitors.1.competitorId']);
    const twice = await addDeal({ competitors: [{ competitorId: rival.id }, { competitorId: rival.id }] });
    expect(fields(twice.body)).toEqual(['competitors.1.competitorId']);
    const early = await addDeal({ competitors: [{ competitorId: rival.id }], lostToCompetitorId: rival.id });
    expect(fields(early.body)).toEqual(['lostToCompetitorId']);
  });

  it('name the competitor a lost deal was lost to, which must be one of them', async () => {
    const deal = (await addDeal({ competitors: [{ competitorId: rival.id, notes: 'Incumbent' }, { competitorId: other.id }] })).body;
    const stranger = await move(deal, { stage: 'closed-lost', lossReason: 'Price', lostToCompetitorId: '00000000-0000-4000-8000-000000000000' });
    expect(stranger.status).toBe(400);
    expect(fields(stranger.body)).toEqual(['lostToCompetitorId']);
    const lost = await move(deal, { stage: 'closed-lost', lossReason: 'Price', lostToCompetitorId: other.id });
    expect(lost.status).toBe(200);
    expect(lost.body.competitors).toEqual([{ competitorId: rival.id, status: 'active', notes: 'Incumbent' }, { competitorId: other.id, status: 'lost-to' }]);
    // Reopening puts everyone back in the race and drops the lost-to.
    const reopened = await move(lost.body, { stage: 'propose' });
    expect(reopened.status).toBe(200);
    expect(reopened.body.lostToCompetitorId).toBeUndefined();
    expect(reopened.body.competitors?.map((entry) => entry.status)).toEqual(['active', 'active']);
  });

  it('are won against when the deal is won, except those that withdrew', async () => {
    const deal = (await addDeal({ competitors: [{ competitorId: rival.id }] })).body;
    const patched = await call<Deal>('PATCH', `opportunities/${deal.id}`, {
      token: tokens.rep1,
      body: { competitors: [{ competitorId: rival.id }, { competitorId: other.id, status: 'withdrawn' }] },
      headers: { 'If-Match': deal.etag },
    });
    expect(patched.status).toBe(200);
    const won = await move(patched.body, { stage: 'closed-won' });
    expect(won.body.competitors).toEqual([{ competitorId: rival.id, status: 'won-against' }, { competitorId: other.id, status: 'withdrawn' }]);
    const wrong = await call<Problem>('PATCH', `opportunities/${deal.id}`, { token: tokens.rep1, body: { lostToCompetitorId: rival.id }, headers: { 'If-Match': won.body.etag } });
    expect(fields(wrong.body)).toEqual(['lostToCompetitorId']);
  });
});

describe('deals and win/loss against a competitor', () => {
  let subject: Competitor;
  let westDeal: Deal;

  beforeAll(async () => {
    subject = await addCompetitor('Scoreboard Ltd');
    const met = [{ competitorId: subject.id }];
    await move((await addDeal({ competitors: met, amount: 1200 })).body, { stage: 'closed-won' });
    await move((await addDeal({ competitors: met, amount: 800, currency: 'EUR' })).body, { stage: 'closed-lost', lossReason: 'Price', lostToCompetitorId: subject.id });
    await move((await addDeal({ competitors: [...met, { competitorId: other.id }], amount: 300 })).body, { stage: 'closed-lost', lossReason: 'Price', lostToCompetitorId: other.id });
    await addDeal({ competitors: met, amount: 500 });
    westDeal = (await addDeal({ name: 'West competitive deal', competitors: met, amount: 10000 }, tokens.rep2)).body;
    await move(westDeal, { stage: 'closed-won' }, tokens.rep2);
  });

  it('lists only the deals the caller may see', async () => {
    const rep1 = await call<Page<Deal>>('GET', `competitors/${subject.id}/deals`, { token: tokens.rep1 });
    expect(rep1.body.items).toHaveLength(4);
    expect(rep1.body.items.map((deal) => deal.id)).not.toContain(westDeal.id);
    const manager = await call<Page<Deal>>('GET', `competitors/${subject.id}/deals?limit=3`, { token: tokens.manager });
    expect(manager.body.items).toHaveLength(3);
    const rest = await call<Page<Deal>>('GET', `competitors/${subject.id}/deals?limit=3&continuation=${encodeURIComponent(manager.body.continuation ?? '')}`, { token: tokens.manager });
    expect([...manager.body.items, ...rest.body.items].map((deal) => deal.id)).toContain(westDeal.id);
  });

  it('adds up the outcomes over the caller-visible deals', async () => {
    const rep1 = await call<WinLoss>('GET', `competitors/${subject.id}/win-loss`, { token: tokens.rep1 });
    expect(rep1.status).toBe(200);
    expect(rep1.body).toMatchObject({ deals: 4, open: 1, wonAgainst: 1, lostTo: 1, lostToOthers: 1, withdrawn: 0, winRate: 0.5 });
    expect(rep1.body.amounts).toEqual([
      { currency: 'EUR', open: 0, wonAgainst: 0, lostTo: 800 },
      { currency: 'USD', open: 500, wonAgainst: 1200, lostTo: 0 },
    ]);
    const manager = await call<WinLoss>('GET', `competitors/${subject.id}/win-loss`, { token: tokens.manager });
    expect(manager.body).toMatchObject({ deals: 5, wonAgainst: 2, lostTo: 1 });
    expect(manager.body.amounts).toContainEqual({ currency: 'USD', open: 500, wonAgainst: 11200, lostTo: 0 });
  });
});
