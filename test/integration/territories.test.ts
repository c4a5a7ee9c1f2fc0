/**
 * Territories: accounts take the first territory whose criteria they meet, and the sellers who
 * work a territory may change its accounts even when another team owns them.
 */
import { useLocalStack } from '../support/use-local-stack';

type Account = { id: string; etag: string; territoryId?: string };
type Territories = { territories: Array<Record<string, unknown>>; etag: string | null };

const { call, tokens } = useLocalStack({ seed: true, users: ['admin', 'manager', 'rep1', 'rep2', 'marketing'] });

it('puts an account in the territory of its country, and moves it when the address changes', async () => {
  const created = await call<Account>('POST', 'accounts', { token: tokens.rep1, body: { name: 'Maple Leaf Foods', address: { city: 'Toronto', country: 'Canada' } } });
  expect(created.body.territoryId).toBe('north-america');
  const moved = await call<Account>('PATCH', `accounts/${created.body.id}`, { token: tokens.rep1, body: { address: { city: 'Lyon', country: 'france' } }, headers: { 'If-Match': created.body.etag } });
  expect(moved.body.territoryId).toBe('europe');
  const nowhere = await call<Account>('PATCH', `accounts/${created.body.id}`, { token: tokens.admin, body: { address: null }, headers: { 'If-Match': moved.body.etag } });
  expect(nowhere.body).not.toHaveProperty('territoryId');
});

it('lets the seller working a territory change its accounts owned by another team, and nobody else', async () => {
  const account = (await call<Account>('POST', 'accounts', { token: tokens.rep1, body: { name: 'Rhein Energie', address: { country: 'Germany' } } })).body;
  expect(account.territoryId).toBe('europe');
  const byTerritorySeller = await call<Account>('PATCH', `accounts/${account.id}`, { token: tokens.rep2, body: { industry: 'Energy' }, headers: { 'If-Match': account.etag } });
  expect(byTerritorySeller.status).toBe(200);
  const other = (await call<Account>('POST', 'accounts', { token: tokens.rep1, body: { name: 'Lone Star Oil', address: { country: 'United States' } } })).body;
  expect((await call('PATCH', `accounts/${other.id}`, { token: tokens.rep2, body: { industry: 'Energy' }, headers: { 'If-Match': other.etag } })).status).toBe(403);
});

it('lets only admins change territories, and refuses one that would hold every account', async () => {
  const current = await call<Territories>('GET', 'admin/territories', { token: tokens.manager });
  expect(current.body.territories.map((territory) => territory.id)).toEqual(['north-america', 'europe']);
  expect((await call('PUT', 'admin/territories', { token: tokens.manager, headers: { 'If-Match': current.body.etag ?? '*' }, body: { territories: [] } })).status).toBe(403);
  const catchAll = await call<{ errors: Array<{ field: string }> }>('PUT', 'admin/territories', {
    token: tokens.admin, headers: { 'If-Match': current.body.etag ?? '*' }, body: { territories: [{ id: 'world', name: 'World', criteria: {}, assigneeIds: [] }] },
  });
  expect(catchAll.status).toBe(400);
  expect(catchAll.body.errors[0]?.field).toBe('territories.0.criteria');
});
