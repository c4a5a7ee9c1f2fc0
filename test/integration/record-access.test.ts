/**
 * Record-level access by owner and team: accounts and contacts are shared for reading, deals
 * and activities stay within the owner's team and its managers; changing is for the team.
 * Demo teams: rep1 in East, rep2 in West, the manager over both.
 */
import { useLocalStack } from '../support/use-local-stack';

type Rec = { id: string; etag: string; name?: string };

const { stack, call, tokens } = useLocalStack({ seed: true, users: ['rep1', 'rep2', 'manager', 'marketing', 'readonly'] });
let rep2Account: Rec;
let rep2Deal: Rec;
let rep2Contact: Rec;

beforeAll(async () => {
  rep2Account = (await call<Rec>('POST', 'accounts', { token: tokens.rep2, body: { name: 'West Coast Widgets' } })).body;
  rep2Contact = (await call<Rec>('POST', 'contacts', { token: tokens.rep2, body: { lastName: 'Westerly', accountId: rep2Account.id } })).body;
  rep2Deal = (await call<Rec>('POST', 'opportunities', { token: tokens.rep2, body: { name: 'West deal', accountId: rep2Account.id, amount: 5000, expectedCloseDate: '2027-06-30' } })).body;
});

it('keeps another team’s deal out of a rep’s sight: by id, in lists and on its timeline', async () => {
  expect((await call('GET', `opportunities/${rep2Deal.id}`, { token: tokens.rep1 })).status).toBe(404);
  expect((await call('GET', `opportunities/${rep2Deal.id}/history`, { token: tokens.rep1 })).status).toBe(404);
  expect((await call('PATCH', `opportunities/${rep2Deal.id}`, { token: tokens.rep1, body: { amount: 1 }, headers: { 'If-Match': rep2Deal.etag } })).status).toBe(404);
  const list = await call<{ items: Rec[] }>('GET', 'opportunities?q=west%20deal', { token: tokens.rep1 });
  expect(list.body.items).toEqual([]);
  const note = await call('POST', 'notes', { token: tokens.rep1, body: { regarding: [{ entity: 'opportunity', id: rep2Deal.id }], text: 'peek' } });
  expect(note.status).toBe(400);
});

it('shows a manager the deals of the teams they manage, and lets them change them', async () => {
  expect((await call('GET', `opportunities/${rep2Deal.id}`, { token: tokens.manager })).status).toBe(200);
  const list = await call<{ items: Rec[] }>('GET', 'opportunities?q=west%20deal', { token: tokens.manager });
  expect(list.body.items.map((item) => item.id)).toEqual([rep2Deal.id]);
  const moved = await call<Rec>('PATCH', `opportunities/${rep2Deal.id}`, { token: tokens.manager, body: { amount: 6000 }, headers: { 'If-Match': rep2Deal.etag } });
  expect(moved.status).toBe(200);
  rep2Deal = moved.body;
});

it('lets read-only and marketing users see every deal, without changing them', async () => {
  for (const user of ['readonly', 'marketing']) expect((await call('GET', `opportunities/${rep2Deal.id}`, { token: tokens[user] })).status).toBe(200);
  expect((await call('PATCH', `opportunities/${rep2Deal.id}`, { token: tokens.marketing, body: { amount: 1 }, headers: { 'If-Match': rep2Deal.etag } })).status).toBe(403);
});

it('shares accounts and contacts for reading, but only the team changes them', async () => {
  expect((await call('GET', `accounts/${rep2Account.id}`, { token: tokens.rep1 })).status).toBe(200);
  const refused = await call<{ code: string }>('PATCH', `accounts/${rep2Account.id}`, { token: tokens.rep1, body: { industry: 'Retail' }, headers: { 'If-Match': rep2Account.etag } });
  expect(refused.status).toBe(403);
  expect(refused.body.code).toBe('FORBIDDEN');
  expect((await call('DELETE', `contacts/${rep2Contact.id}`, { token: tokens.rep1, headers: { 'If-Match': rep2Contact.etag } })).status).toBe(403);
  const cleaned = await call('PATCH', `contacts/${rep2Contact.id}`, { token: tokens.marketing, body: { department: 'Procurement' }, headers: { 'If-Match': rep2Contact.etag } });
  expect(cleaned.status).toBe(200);
});

it('follows the teams an admin saves, at once', async () => {
  const admin = await stack.tokenFor('admin');
  const teams = await call<{ teams: Array<{ id: string; memberIds: string[] }>; etag: string }>('GET', 'admin/teams', { token: admin });
  const rep1Id = (await stack.services.authenticate(`Bearer ${tokens.rep1}`)).userId;
  const merged = teams.body.teams.map((team) => (team.id === 'west' ? { ...team, memberIds: [...team.memberIds, rep1Id] } : team));
  const saved = await call('PUT', 'admin/teams', { token: admin, headers: { 'If-Match': teams.body.etag }, body: { teams: merged } });
  expect(saved.status).toBe(200);
  expect((await call('GET', `opportunities/${rep2Deal.id}`, { token: tokens.rep1 })).status).toBe(200);
  expect((await call('PUT', 'admin/teams', { token: tokens.manager, headers: { 'If-Match': '*' }, body: { teams: [] } })).status).toBe(403);
});

it('lets a special-account team work its key account’s deals whoever owns them', async () => {
  const admin = await stack.tokenFor('admin');
  const key = (await call<Rec>('POST', 'accounts', { token: tokens.manager, body: { name: 'Key Account Corp' } })).body;
  const outsiderDeal = (await call<Rec>('POST', 'opportunities', {
    token: tokens.manager, body: { name: 'Key deal', accountId: key.id, expectedCloseDate: '2027-09-30', ownerId: 'outsider-user' },
  })).body;
  expect((await call('GET', `opportunities/${outsiderDeal.id}`, { token: tokens.rep2 })).status).toBe(404);
  const teams = await call<{ teams: Array<Record<string, unknown>>; etag: string }>('GET', 'admin/teams', { token: admin });
  const rep2Id = (await stack.services.authenticate(`Bearer ${tokens.rep2}`)).userId;
  const saved = await call('PUT', 'admin/teams', {
    token: admin, headers: { 'If-Match': teams.body.etag },
    body: { teams: [...teams.body.teams, { id: 'key-corp', name: 'Key Account Corp team', memberIds: [rep2Id], managerIds: [], accountIds: [key.id] }] },
  });
  expect(saved.status).toBe(200);
  expect((await call('GET', `opportunities/${outsiderDeal.id}`, { token: tokens.rep2 })).status).toBe(200);
  const list = await call<{ items: Rec[] }>('GET', 'opportunities?q=key%20deal', { token: tokens.rep2 });
  expect(list.body.items.map((item) => item.id)).toEqual([outsiderDeal.id]);
  expect((await call('PATCH', `opportunities/${outsiderDeal.id}`, { token: tokens.rep2, body: { amount: 42 }, headers: { 'If-Match': outsiderDeal.etag } })).status).toBe(200);
});
