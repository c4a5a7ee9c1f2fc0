/** CRM admins assign roles; an assignment replaces the roles of the user's sign-in token at once. */
import { useLocalStack } from '../support/use-local-stack';

type Assignments = { assignments: Array<{ userId: string; roles: string[] }>; etag: string | null };

const { stack, call, tokens } = useLocalStack({ users: ['admin', 'manager', 'rep2'] });
const ids: Record<string, string> = {};

beforeAll(async () => {
  for (const [user, token] of Object.entries(tokens)) ids[user] = (await stack.services.authenticate(`Bearer ${token}`)).userId;
});

it('turns a rep into a read-only user with the same token, and back', async () => {
  expect((await call('POST', 'accounts', { token: tokens.rep2, body: { name: 'Before' } })).status).toBe(201);
  const saved = await call<Assignments>('PUT', 'admin/roles', { token: tokens.admin, headers: { 'If-Match': '*' }, body: { assignments: [{ userId: ids.rep2, roles: ['read-only'] }] } });
  expect(saved.status).toBe(200);
  expect((await call('POST', 'accounts', { token: tokens.rep2, body: { name: 'After' } })).status).toBe(403);
  expect((await call('GET', 'accounts', { token: tokens.rep2 })).status).toBe(200);
  const restored = await call<Assignments>('PUT', 'admin/roles', { token: tokens.admin, headers: { 'If-Match': saved.body.etag ?? '' }, body: { assignments: [] } });
  expect(restored.status).toBe(200);
  expect((await call('POST', 'accounts', { token: tokens.rep2, body: { name: 'Again' } })).status).toBe(201);
});

it('refuses non-admins, and an admin taking their own admin role away', async () => {
  expect((await call('PUT', 'admin/roles', { token: tokens.manager, headers: { 'If-Match': '*' }, body: { assignments: [] } })).status).toBe(403);
  const current = await call<Assignments>('GET', 'admin/roles', { token: tokens.admin });
  const selfDemotion = await call<{ errors: Array<{ field: string }> }>('PUT', 'admin/roles', {
    token: tokens.admin, headers: { 'If-Match': current.body.etag ?? '*' }, body: { assignments: [{ userId: ids.admin, roles: ['sales-rep'] }] },
  });
  expect(selfDemotion.status).toBe(400);
  expect(selfDemotion.body.errors[0]?.field).toBe('assignments.0.roles');
});
