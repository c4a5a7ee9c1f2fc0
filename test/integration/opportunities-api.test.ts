/** Opportunities over HTTP as the add-ins use them: lifecycle, stage moves and their history, lists, tenants and roles. */
import { useLocalStack } from '../support/use-local-stack';

type Opp = {
  id: string; etag: string; name: string; accountName: string; ownerId: string; stage: string; status: string; probability: number;
  probabilityOverridden: boolean; amount: number; currency: string; weightedAmount: number; actualCloseDate?: string; lossReason?: string;
  stageHistory: Array<{ from: string | null; to: string; by: string }>;
};
type Problem = { code: string; errors: Array<{ field: string; message: string }> };
type Timeline = { items: Array<{ id: string; kind: string; title: string; summary?: string }> };

const { stack, call, tokens } = useLocalStack({ users: ['rep1', 'manager', 'marketing', 'readonly', 'other-rep'] });
let accountId: string;

beforeAll(async () => {
  accountId = (await call<{ id: string }>('POST', 'accounts', { token: tokens.rep1, body: { name: 'Northwind Traders' } })).body.id;
});

async function create(body: Record<string, unknown> = {}, token = tokens.rep1): Promise<Opp> {
  const response = await call<Opp>('POST', 'opportunities', { token, body: { name: 'Northwind Traders — 200 licences', accountId, expectedCloseDate: '2026-12-15', ...body } });
  expect(response.status).toBe(201);
  return response.body;
}

/** `etag` '' sends no If-Match. */
function move(opp: Pick<Opp, 'id' | 'etag'>, body: Record<string, unknown>, etag: string = opp.etag) {
  return call<Opp & Problem>('POST', `opportunities/${opp.id}/stage`, { token: tokens.rep1, body, headers: etag ? { 'If-Match': etag } : {} });
}

const fields = (problem: Problem) => problem.errors.map((issue) => issue.field);

describe('opportunity lifecycle', () => {
  it('creates with 201, ETag and Location, at the first stage with its probability, owned by the caller', async () => {
    const created = await call<Opp>('POST', 'opportunities', { token: tokens.rep1, body: { name: 'Lifecycle deal', accountId, amount: 84000, expectedCloseDate: '2026-12-31', currency: 'eur' } });
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe(created.body.etag);
    expect(created.headers.get('location')).toBe(`/api/opportunities/${created.body.id}`);
    const rep = await stack.services.authenticate(`Bearer ${tokens.rep1}`);
    expect(created.body).toMatchObject({ accountName: 'Northwind Traders', ownerId: rep.userId, stage: 'prospect', status: 'open', probability: 10, currency: 'EUR', weightedAmount: 8400 });
    expect(created.body).not.toHaveProperty('tenantId');
    const read = await call<Opp>('GET', `opportunities/${created.body.id}`, { token: tokens.rep1 });
    expect(read.headers.get('etag')).toBe(created.body.etag);
  });

  it('updates with If-Match, 428 without it, 412 when stale; deletes softly', async () => {
    const opp = await create();
    expect((await call('PATCH', `opportunities/${opp.id}`, { token: tokens.rep1, body: { amount: 1 } })).status).toBe(428);
    const updated = await call<Opp>('PATCH', `opportunities/${opp.id}`, { token: tokens.rep1, body: { amount: 1250.5, leadSource: 'referral' }, headers: { 'If-Match': opp.etag } });
    expect(updated.status).toBe(200);
    expect(updated.body.amount).toBe(1250.5);
    const stale = await call<Problem>('PATCH', `opportunities/${opp.id}`, { token: tokens.rep1, body: { amount: 2 }, headers: { 'If-Match': opp.etag } });
    expect(stale.status).toBe(412);
    expect((await call('DELETE', `opportunities/${opp.id}`, { token: tokens.rep1, headers: { 'If-Match': opp.etag } })).status).toBe(412);
    expect((await call('DELETE', `opportunities/${opp.id}`, { token: tokens.rep1, headers: { 'If-Match': updated.body.etag } })).status).toBe(204);
    expect((await call('GET', `opportunities/${opp.id}`, { token: tokens.rep1 })).status).toBe(404);
    expect((await call('GET', `opportunities/${opp.id}/history`, { token: tokens.rep1 })).status).toBe(404);
  });

  it.each([
    [{ accountId: '00000000-0000-4000-8000-000000000000' }, 'accountId'],
    [{ contactId: '00000000-0000-4000-8000-000000000000' }, 'contactId'],
    [{ stage: 'nirvana' }, 'stage'],
    [{ amount: 12.345 }, 'amount'],
    [{ amount: -1 }, 'amount'],
    [{ currency: 'XYZ' }, 'currency'],
    [{ expectedCloseDate: '31/12/2026' }, 'expectedCloseDate'],
    [{ leadSource: 'carrier-pigeon' }, 'leadSource'],
    [{ probability: 101 }, 'probability'],
    [{ colour: 'red' }, 'colour'],
  ])('refuses %j naming %s, and writes nothing', async (body, field) => {
    const response = await call<Problem>('POST', 'opportunities', { token: tokens.rep1, body: { name: 'Refused deal', accountId, expectedCloseDate: '2026-12-15', ...body } });
    expect(response.status).toBe(400);
    expect(fields(response.body)).toContain(field);
    expect((await call<{ items: Opp[] }>('GET', 'opportunities?q=refused', { token: tokens.rep1 })).body.items).toEqual([]);
  });
});

describe('stage moves', () => {
  it('moves with If-Match, the probability follows the stage, and the move shows on both timelines', async () => {
    const opp = await create();
    expect((await move(opp, { stage: 'qualify' }, '')).status).toBe(428);
    const moved = await move(opp, { stage: 'qualify' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ stage: 'qualify', probability: 20, status: 'open' });
    expect(moved.body.stageHistory.map((change) => [change.from, change.to])).toEqual([[null, 'prospect'], ['prospect', 'qualify']]);
    expect((await move(opp, { stage: 'propose' })).status).toBe(412);
    for (const path of [`opportunities/${opp.id}/history`, `accounts/${accountId}/history`]) {
      const timeline = await call<Timeline>('GET', path, { token: tokens.readonly });
      expect(timeline.body.items.find((entry) => entry.id === `stage:${opp.id}:1`)).toMatchObject({ kind: 'stage-change', title: 'Stage: Prospect → Qualify' });
    }
  });

  it('keeps a probability set by hand across moves, until it is cleared', async () => {
    const opp = await create({ stage: 'qualify', probability: 35 });
    expect(opp).toMatchObject({ probability: 35, probabilityOverridden: true });
    const moved = await move(opp, { stage: 'propose' });
    expect(moved.body).toMatchObject({ probability: 35, probabilityOverridden: true });
    const cleared = await call<Opp>('PATCH', `opportunities/${opp.id}`, { token: tokens.rep1, body: { probability: null }, headers: { 'If-Match': moved.body.etag } });
    expect(cleared.body).toMatchObject({ probability: 60, probabilityOverridden: false });
  });

  it('needs a loss reason to lose a deal; then closes it at 0% and says so on the timeline', async () => {
    const opp = await create({ amount: 5000 });
    const refused = await move(opp, { stage: 'closed-lost' });
    expect(refused.status).toBe(400);
    expect(fields(refused.body)).toEqual(['lossReason']);
    const lost = await move(opp, { stage: 'closed-lost', lossReason: 'Chose a competitor' });
    expect(lost.body).toMatchObject({ status: 'lost', probability: 0, weightedAmount: 0, lossReason: 'Chose a competitor' });
    expect(lost.body.actualCloseDate).toBe(new Date().toISOString().slice(0, 10));
    const timeline = await call<Timeline>('GET', `opportunities/${opp.id}/history`, { token: tokens.rep1 });
    expect(timeline.body.items.map((entry) => entry.title)).toEqual(['Lost: Northwind Traders — 200 licences', 'Stage: Prospect → Closed lost']);
    expect(timeline.body.items[0]?.summary).toBe('Chose a competitor');
    const cleared = await call<Problem>('PATCH', `opportunities/${opp.id}`, { token: tokens.rep1, body: { lossReason: null }, headers: { 'If-Match': lost.body.etag } });
    expect(fields(cleared.body)).toEqual(['lossReason']);
  });

  it('records a stage changed by PATCH as a move too, and reopens a won deal', async () => {
    const opp = await create({ stage: 'negotiate' });
    const won = await call<Opp>('PATCH', `opportunities/${opp.id}`, { token: tokens.rep1, body: { stage: 'closed-won', winReason: 'Best fit' }, headers: { 'If-Match': opp.etag } });
    expect(won.body).toMatchObject({ status: 'won', probability: 100, winReason: 'Best fit' });
    const reopened = await move(won.body, { stage: 'negotiate' });
    expect(reopened.body).toMatchObject({ status: 'open', probability: 80 });
    expect(reopened.body).not.toHaveProperty('winReason');
    const timeline = await call<Timeline>('GET', `opportunities/${opp.id}/history`, { token: tokens.rep1 });
    expect(timeline.body.items.map((entry) => entry.kind)).toEqual(['status-change', 'stage-change', 'status-change', 'stage-change']);
    expect((await move(reopened.body, { stage: 'negotiate' })).status).toBe(400);
  });
});

describe('lists', () => {
  let other: string;
  beforeAll(async () => {
    other = (await call<{ id: string }>('POST', 'accounts', { token: tokens.rep1, body: { name: 'Zeppelin Airships' } })).body.id;
    const deals: Array<[string, string, string, number, string]> = [
      ['Alpha', accountId, 'prospect', 1000, '2027-01-10'],
      ['Bravo', accountId, 'qualify', 2500, '2027-01-20'],
      ['Charlie', other, 'qualify', 4000, '2027-02-05'],
      ['Delta', other, 'propose', 8000, '2027-02-15'],
      ['Echo', accountId, 'negotiate', 16000, '2027-03-01'],
      ['Foxtrot', other, 'closed-won', 32000, '2027-03-15'],
      ['Golf', accountId, 'closed-lost', 64000, '2027-03-30'],
    ];
    for (const [name, account, stage, amount, expectedCloseDate] of deals) {
      await create({ name: `Quokka ${name}`, accountId: account, stage, amount, expectedCloseDate, ...(stage === 'closed-lost' ? { lossReason: 'Price' } : {}) });
    }
  });
  const names = (page: { items: Opp[] }) => page.items.map((item) => item.name.replace('Quokka ', ''));

  it('pages through a keyword search by name, without gaps or repeats', async () => {
    const seen: string[] = [];
    let continuation: string | null = null;
    do {
      const query: string = `opportunities?q=quokka&limit=3${continuation ? `&continuation=${encodeURIComponent(continuation)}` : ''}`;
      const page: { body: { items: Opp[]; continuation: string | null } } = await call('GET', query, { token: tokens.rep1 });
      seen.push(...names(page.body));
      continuation = page.body.continuation;
    } while (continuation);
    expect(seen).toEqual(['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot', 'Golf']);
  });

  it.each([
    [`accountId=OTHER&status=open`, ['Charlie', 'Delta']],
    ['q=zeppelin', ['Charlie', 'Delta', 'Foxtrot']],
    ['q=quokka&stage=qualify', ['Bravo', 'Charlie']],
    ['q=quokka&status=won', ['Foxtrot']],
    ['q=quokka&closeFrom=2027-02-01&closeTo=2027-03-01', ['Charlie', 'Delta', 'Echo']],
    ['q=quokka&amountMin=4000&amountMax=16000', ['Charlie', 'Delta', 'Echo']],
  ])('filters by %s', async (query, expected) => {
    const page = await call<{ items: Opp[] }>('GET', `opportunities?${query.replace('OTHER', other)}`, { token: tokens.marketing });
    expect(page.status).toBe(200);
    expect(names(page.body)).toEqual(expected);
  });

  it('refuses a date range that ends before it starts', async () => {
    const response = await call<Problem>('GET', 'opportunities?closeFrom=2027-03-01&closeTo=2027-02-01', { token: tokens.rep1 });
    expect(response.status).toBe(400);
    expect(fields(response.body)).toEqual(['closeTo']);
  });
});

describe('tenants and roles', () => {
  it('answers 404 to another tenant by id and shows it nothing in lists', async () => {
    const opp = await create();
    const spy = tokens['other-rep'];
    expect((await call('GET', `opportunities/${opp.id}`, { token: spy })).status).toBe(404);
    expect((await call('PATCH', `opportunities/${opp.id}`, { token: spy, body: { amount: 1 }, headers: { 'If-Match': opp.etag } })).status).toBe(404);
    expect((await call('POST', `opportunities/${opp.id}/stage`, { token: spy, body: { stage: 'qualify' }, headers: { 'If-Match': opp.etag } })).status).toBe(404);
    expect((await call('DELETE', `opportunities/${opp.id}`, { token: spy, headers: { 'If-Match': opp.etag } })).status).toBe(404);
    expect((await call<{ items: Opp[] }>('GET', 'opportunities?limit=200', { token: spy })).body.items).toEqual([]);
    const foreign = await call<Problem>('POST', 'opportunities', { token: spy, body: { name: 'Spy deal', accountId, expectedCloseDate: '2026-12-01' } });
    expect(fields(foreign.body)).toEqual(['accountId']);
  });

  it.each([['readonly', 403], ['marketing', 403], ['rep1', 201], ['manager', 201]])('%s creating → %i', async (user, status) => {
    const response = await call('POST', 'opportunities', { token: tokens[user], body: { name: `By ${user}`, accountId, expectedCloseDate: '2026-12-01' } });
    expect(response.status).toBe(status);
  });

  it('lets a rep own a deal but only a manager hand it to someone else', async () => {
    expect((await call('POST', 'opportunities', { token: tokens.rep1, body: { name: 'Given', accountId, expectedCloseDate: '2026-12-01', ownerId: 'someone-else' } })).status).toBe(403);
    const assigned = await call<Opp>('POST', 'opportunities', { token: tokens.manager, body: { name: 'Assigned', accountId, expectedCloseDate: '2026-12-01', ownerId: 'someone-else' } });
    expect(assigned.body.ownerId).toBe('someone-else');
  });
});
