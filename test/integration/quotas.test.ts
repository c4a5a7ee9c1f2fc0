/** Quotas: one per user or team and period, set by admins and by managers for those they manage. */
import { useLocalStack } from '../support/use-local-stack';

type Quota = { id: string; etag: string; subjectType: string; subjectId: string; period: string; from: string; to: string; amount: number };

const { stack, call, tokens } = useLocalStack({ seed: true, users: ['admin', 'manager', 'rep1', 'rep2', 'marketing'] });
const ids: Record<string, string> = {};

beforeAll(async () => {
  for (const [user, token] of Object.entries(tokens)) ids[user] = (await stack.services.authenticate(`Bearer ${token}`)).userId;
});

it('lets a manager set a quota for someone they manage, once per period, with the period’s dates', async () => {
  const created = await call<Quota>('POST', 'quotas', { token: tokens.manager, body: { subjectType: 'user', subjectId: ids.rep1, period: '2031-Q2', amount: 120000.5 } });
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({ period: '2031-Q2', from: '2031-04-01', to: '2031-06-30', amount: 120000.5 });
  const again = await call<{ code: string }>('POST', 'quotas', { token: tokens.admin, body: { subjectType: 'user', subjectId: ids.rep1, period: '2031-Q2', amount: 1 } });
  expect(again.status).toBe(409);
  const changed = await call<Quota>('PATCH', `quotas/${created.body.id}`, { token: tokens.manager, body: { amount: 130000 }, headers: { 'If-Match': created.body.etag } });
  expect(changed.body.amount).toBe(130000);
  expect((await call('DELETE', `quotas/${created.body.id}`, { token: tokens.manager, headers: { 'If-Match': changed.body.etag } })).status).toBe(204);
  expect((await call('POST', 'quotas', { token: tokens.manager, body: { subjectType: 'user', subjectId: ids.rep1, period: '2031-Q2', amount: 5 } })).status).toBe(201);
});

it('refuses sellers and marketing setting quotas, and periods that are not periods', async () => {
  for (const user of ['rep1', 'marketing']) {
    expect((await call('POST', 'quotas', { token: tokens[user], body: { subjectType: 'user', subjectId: ids.rep1, period: '2031', amount: 1 } })).status).toBe(403);
  }
  const bad = await call<{ errors: Array<{ field: string }> }>('POST', 'quotas', { token: tokens.admin, body: { subjectType: 'team', subjectId: 'east', period: '2031-Q5', amount: 1 } });
  expect(bad.status).toBe(400);
  expect(bad.body.errors[0]?.field).toBe('period');
});

it('shows a seller their own and their team’s quotas only, and managers everyone’s', async () => {
  const year = String(new Date().getUTCFullYear());
  const mine = await call<{ items: Quota[] }>('GET', `quotas?year=${year}&limit=200`, { token: tokens.rep1 });
  expect(mine.body.items.length).toBe(8);
  expect(new Set(mine.body.items.map((quota) => quota.subjectId))).toEqual(new Set([ids.rep1, 'east']));
  const all = await call<{ items: Quota[] }>('GET', `quotas?year=${year}&limit=200`, { token: tokens.manager });
  expect(all.body.items.length).toBe(16);
  const theirs = all.body.items.find((quota) => quota.subjectId === ids.rep2);
  expect((await call('GET', `quotas/${theirs?.id}`, { token: tokens.rep1 })).status).toBe(404);
});
