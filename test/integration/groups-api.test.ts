/**
 * Groups over HTTP against the local stand-ins: saved searches re-evaluated on each read, static
 * groups, sharing, record-level access and field-level security on criteria, tenant isolation.
 * Demo teams: rep1 in East, rep2 in West, the manager over both; margin is hidden from marketing.
 */
import { useLocalStack } from '../support/use-local-stack';

type Rec = { id: string; etag: string; name?: string };
type Members = { entity: string; items: Array<Rec & { margin?: number }>; continuation: string | null };
type Problem = { code: string; errors?: Array<{ field: string; message: string }> };

const { stack, call, tokens } = useLocalStack({ seed: true, users: ['rep1', 'rep2', 'manager', 'marketing', 'other-admin'] });
const accounts: Record<string, Rec> = {};
const deals: Record<string, Rec> = {};

const ids = (page: { items: Rec[] }) => page.items.map((item) => item.id).sort();
const as = (user: string, extra: { body?: unknown; headers?: Record<string, string> } = {}) => ({ token: tokens[user], ...extra });

async function createDeal(user: string, key: string, body: Record<string, unknown>): Promise<void> {
  const account = accounts.paris as Rec;
  const created = await call<Rec>('POST', 'opportunities', as(user, { body: { accountId: account.id, expectedCloseDate: '2027-03-15', ...body } }));
  expect(created.status).toBe(201);
  deals[key] = created.body;
}

beforeAll(async () => {
  const account = (key: string, user: string, body: Record<string, unknown>) =>
    call<Rec>('POST', 'accounts', as(user, { body: { industry: 'Groupology', ...body } })).then((response) => (accounts[key] = response.body));
  await account('paris', 'rep1', { name: 'Grp Paris Customer', type: 'customer', address: { city: 'Paris', country: 'France' } });
  await account('lyon', 'rep2', { name: 'Grp Lyon Prospect', type: 'prospect', address: { city: 'Lyon', country: 'France' } });
  await account('berlin', 'rep2', { name: 'Grp Berlin Customer', type: 'customer', address: { city: 'Berlin', country: 'Germany' } });
  await createDeal('rep1', 'small', { name: 'Zyxq small', amount: 1000 });
  await createDeal('rep1', 'big', { name: 'Zyxq big', amount: 80000, expectedCloseDate: '2027-05-01' });
  await createDeal('rep2', 'west', { name: 'Zyxq west', amount: 60000 });
  await createDeal('manager', 'margin', { name: 'Zyxq margin', amount: 500, margin: 42 });
});

async function saveGroup(user: string, body: Record<string, unknown>): Promise<Rec> {
  const created = await call<Rec>('POST', 'groups', as(user, { body: { kind: 'saved-search', ...body } }));
  expect(created.status).toBe(201);
  return created.body;
}

const members = (user: string, group: Rec, query = '') => call<Members>('GET', `groups/${group.id}/members${query}`, as(user));

it('returns the records a saved search matches, and evaluates it again after a change', async () => {
  const group = await saveGroup('rep1', {
    name: 'French Groupology customers', entity: 'account',
    criteria: { all: [{ field: 'industry', op: 'eq', value: 'groupology' }, { field: 'address.country', op: 'eq', value: 'France' }] },
  });
  expect(ids((await members('rep1', group)).body)).toEqual([accounts.paris?.id, accounts.lyon?.id].sort());
  const moved = await call('PATCH', `accounts/${accounts.lyon?.id}`, as('rep2', { body: { address: { city: 'Munich', country: 'Germany' } }, headers: { 'If-Match': accounts.lyon?.etag ?? '' } }));
  expect(moved.status).toBe(200);
  const after = await members('rep1', group);
  expect(after.body.entity).toBe('account');
  expect(ids(after.body)).toEqual([accounts.paris?.id]);
});

it('nests and/or with ranges and a keyword, paging the matches', async () => {
  const group = await saveGroup('manager', {
    name: 'Zyxq big or West', entity: 'opportunity',
    criteria: {
      keyword: 'zyxq',
      any: [
        { all: [{ field: 'amount', op: 'between', value: [50000, 100000] }, { field: 'expectedCloseDate', op: 'gte', value: '2027-04-01' }] },
        { field: 'ownerId', op: 'eq', value: (await stack.services.authenticate(`Bearer ${tokens.rep2}`)).userId },
      ],
    },
  });
  const first = await members('manager', group, '?limit=1');
  expect(first.body.items).toHaveLength(1);
  const second = await members('manager', group, `?limit=1&continuation=${encodeURIComponent(first.body.continuation ?? '')}`);
  expect([...ids(first.body), ...ids(second.body)].sort()).toEqual([deals.big?.id, deals.west?.id].sort());
  expect(second.body.continuation).toBeNull();
});

it('shows a rep only their team’s deals when they evaluate a shared opportunity group', async () => {
  const group = await saveGroup('manager', { name: 'All zyxq deals', entity: 'opportunity', shared: true, criteria: { keyword: 'zyxq' } });
  expect(ids((await members('manager', group)).body)).toHaveLength(4);
  expect(ids((await members('rep1', group)).body)).toEqual([deals.small?.id, deals.big?.id].sort());
  expect(ids((await members('rep2', group)).body)).toEqual([deals.west?.id]);
});

it('previews criteria without saving, and names the wrong part of a tree', async () => {
  const preview = await call<Members>('POST', 'groups/preview', as('rep1', { body: { entity: 'account', criteria: { field: 'name', op: 'contains', value: 'grp berlin' } } }));
  expect(preview.status).toBe(200);
  expect(ids(preview.body)).toEqual([accounts.berlin?.id]);
  const wrong = await call<Problem>('POST', 'groups', as('rep1', { body: { name: 'x', entity: 'opportunity', kind: 'saved-search', criteria: { all: [{ field: 'amount', op: 'gt', value: 1 }, { field: 'amount', op: 'gt', value: 'lots' }] } } }));
  expect(wrong.status).toBe(400);
  expect(wrong.body.errors?.map((issue) => issue.field)).toEqual(['criteria.all.1.value']);
});

it('keeps static members under If-Match, skipping records deleted since', async () => {
  const created = await call<Rec & { memberCount: number }>('POST', 'groups', as('rep1', { body: { name: 'Grp static', entity: 'account', kind: 'static', memberIds: [accounts.paris?.id] } }));
  expect(created.body.memberCount).toBe(1);
  const stale = created.body.etag;
  const changed = await call<Rec & { memberCount: number }>('POST', `groups/${created.body.id}/members`, as('rep1', { body: { add: [accounts.berlin?.id, accounts.lyon?.id], remove: [accounts.paris?.id] }, headers: { 'If-Match': stale } }));
  expect(changed.status).toBe(200);
  expect(changed.body.memberCount).toBe(2);
  expect((await call('POST', `groups/${created.body.id}/members`, as('rep1', { body: { add: [accounts.paris?.id] }, headers: { 'If-Match': stale } }))).status).toBe(412);
  const unknown = await call<Problem>('POST', `groups/${created.body.id}/members`, as('rep1', { body: { add: [deals.small?.id] }, headers: { 'If-Match': changed.body.etag } }));
  expect(unknown.body.errors?.[0]?.field).toBe('add.0');
  const berlin = await call<Rec>('GET', `accounts/${accounts.berlin?.id}`, as('rep2'));
  expect((await call('DELETE', `accounts/${accounts.berlin?.id}`, as('rep2', { headers: { 'If-Match': berlin.body.etag } }))).status).toBe(204);
  expect(ids((await members('rep1', created.body)).body)).toEqual([accounts.lyon?.id]);
});

it('shows personal groups to their owner only, and lets only the owner change a shared one', async () => {
  const personal = await saveGroup('rep1', { name: 'Grp mine', entity: 'contact', criteria: { field: 'lastName', op: 'exists', value: true } });
  const shared = await saveGroup('rep1', { name: 'Grp ours', entity: 'contact', shared: true, criteria: { field: 'lastName', op: 'exists', value: true } });
  expect((await call('GET', `groups/${personal.id}`, as('rep2'))).status).toBe(404);
  const listed = await call<{ items: Rec[] }>('GET', 'groups?entity=contact&limit=200', as('rep2'));
  const names = listed.body.items.map((item) => item.name);
  expect(names).toContain('Grp ours');
  expect(names).not.toContain('Grp mine');
  expect((await call('PATCH', `groups/${shared.id}`, as('rep2', { body: { name: 'Hijacked' }, headers: { 'If-Match': shared.etag } }))).status).toBe(403);
  const renamed = await call<Rec>('PATCH', `groups/${shared.id}`, as('rep1', { body: { name: 'Grp ours renamed' }, headers: { 'If-Match': shared.etag } }));
  expect(renamed.body.name).toBe('Grp ours renamed');
  expect((await call('DELETE', `groups/${shared.id}`, as('rep1', { headers: { 'If-Match': renamed.body.etag } }))).status).toBe(204);
  expect((await call('GET', `groups/${shared.id}`, as('rep1'))).status).toBe(404);
});

it('refuses criteria on a field hidden from the caller, on saving and on evaluating', async () => {
  const criteria = { keyword: 'zyxq', all: [{ field: 'margin', op: 'gte', value: 40 }] };
  const refused = await call<Problem>('POST', 'groups', as('marketing', { body: { name: 'Probe', entity: 'opportunity', kind: 'saved-search', criteria } }));
  expect(refused.status).toBe(403);
  expect(refused.body.errors?.[0]?.field).toBe('criteria.margin');
  const shared = await saveGroup('manager', { name: 'High margin', entity: 'opportunity', shared: true, criteria });
  expect(ids((await members('manager', shared)).body)).toEqual([deals.margin?.id]);
  const evaluated = await call<Problem>('GET', `groups/${shared.id}/members`, as('marketing'));
  expect(evaluated.status).toBe(403);
  expect(evaluated.body.errors?.[0]?.field).toBe('criteria.margin');
  // A group not reading the field still answers, with the field left out of each record.
  const open = await saveGroup('manager', { name: 'Zyxq margin deal', entity: 'opportunity', shared: true, criteria: { keyword: 'zyxq margin' } });
  const seen = await members('marketing', open);
  expect(seen.body.items.map((item) => item.margin)).toEqual([undefined]);
});

it('keeps groups inside their tenant', async () => {
  const group = await saveGroup('manager', { name: 'Grp tenant', entity: 'account', shared: true, criteria: { keyword: 'grp' } });
  expect((await call('GET', `groups/${group.id}`, as('other-admin'))).status).toBe(404);
  expect((await members('other-admin', group)).status).toBe(404);
  const listed = await call<{ items: Rec[] }>('GET', 'groups?limit=200', as('other-admin'));
  expect(listed.body.items.map((item) => item.id)).not.toContain(group.id);
});

it('seeds the demo groups, with their members evaluated now', async () => {
  const listed = await call<{ items: Rec[] }>('GET', 'groups?limit=200', as('rep1'));
  const france = listed.body.items.find((item) => item.name === 'Customers in France');
  expect(france).toBeDefined();
  const page = await members('rep1', france as Rec);
  expect(page.status).toBe(200);
  expect(page.body.items.length).toBeGreaterThan(0);
  expect(listed.body.items.map((item) => item.name)).toContain('VIP contacts');
});
