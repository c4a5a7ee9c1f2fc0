/**
 * The demo tenant's rule from the specification: an opportunity's margin is hidden from
 * marketing and read-only users, and sales reps can read it but not change it.
 */
import { useLocalStack } from '../support/use-local-stack';

type Opp = { id: string; etag: string; margin?: number; name: string };

const { stack, call, tokens } = useLocalStack({ seed: true, users: ['manager', 'rep1', 'marketing', 'readonly'] });
let deal: Opp;

beforeAll(async () => {
  const account = (await call<{ id: string }>('POST', 'accounts', { token: tokens.manager, body: { name: 'Margin Co' } })).body;
  // The manager sets the margin on a deal owned by rep1, so the rep sees it as its owner.
  const rep1Id = (await stack.services.authenticate(`Bearer ${tokens.rep1}`)).userId;
  const created = await call<Opp>('POST', 'opportunities', { token: tokens.manager, body: { name: 'Margin deal', accountId: account.id, amount: 1000, margin: 32.5, expectedCloseDate: '2027-03-31', ownerId: rep1Id } });
  expect(created.status).toBe(201);
  deal = created.body;
});

it('shows the margin to managers and reps, never to marketing or read-only users', async () => {
  for (const user of ['manager', 'rep1']) expect((await call<Opp>('GET', `opportunities/${deal.id}`, { token: tokens[user] })).body.margin).toBe(32.5);
  for (const user of ['marketing', 'readonly']) {
    const read = await call<Opp>('GET', `opportunities/${deal.id}`, { token: tokens[user] });
    expect(read.body.name).toBe('Margin deal');
    expect(read.body).not.toHaveProperty('margin');
    const list = await call<{ items: Opp[] }>('GET', 'opportunities?q=margin', { token: tokens[user] });
    expect(list.body.items[0]).not.toHaveProperty('margin');
  }
});

it('refuses a rep setting the margin, and lets a manager change it', async () => {
  const byRep = await call<{ errors: Array<{ field: string }> }>('PATCH', `opportunities/${deal.id}`, { token: tokens.rep1, body: { margin: 50 }, headers: { 'If-Match': deal.etag } });
  expect(byRep.status).toBe(403);
  expect(byRep.body.errors.map((issue) => issue.field)).toEqual(['margin']);
  const byManager = await call<Opp>('PATCH', `opportunities/${deal.id}`, { token: tokens.manager, body: { margin: 28 }, headers: { 'If-Match': deal.etag } });
  expect(byManager.status).toBe(200);
  expect(byManager.body.margin).toBe(28);
});
