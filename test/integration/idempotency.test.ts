/** A create retried with the same Idempotency-Key (offline replay, a lost answer) creates nothing twice. */
import { randomUUID } from 'node:crypto';
import { useLocalStack } from '../support/use-local-stack';

type Rec = { id: string; etag: string };
type PageBody = { items: Rec[] };

const { stack, call, tokens } = useLocalStack({ users: ['rep1'] });
let rep: string;

beforeAll(() => {
  rep = tokens.rep1;
});

async function count(q: string): Promise<number> {
  return (await call<PageBody>('GET', `contacts?q=${q}&limit=200`, { token: rep })).body.items.length;
}

it('answers a replayed create with the first answer and creates one record', async () => {
  const key = randomUUID();
  const body = { lastName: 'Replayed', emails: [{ address: 'replayed@idem.example' }] };
  const first = await call<Rec>('POST', 'contacts', { token: rep, body, headers: { 'Idempotency-Key': key } });
  const again = await call<Rec>('POST', 'contacts', { token: rep, body, headers: { 'Idempotency-Key': key } });
  expect(first.status).toBe(201);
  expect(again.status).toBe(201);
  expect(again.body.id).toBe(first.body.id);
  expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
  expect(again.headers.get('location')).toBe(first.headers.get('location'));
  expect(again.headers.get('idempotent-replayed')).toBe('true');
  expect(await count('replayed')).toBe(1);
});

it('creates once when the same key arrives many times at once', async () => {
  const key = randomUUID();
  const responses = await Promise.all(
    Array.from({ length: 10 }, () => call<Rec>('POST', 'contacts', { token: rep, body: { lastName: 'Stampede' }, headers: { 'Idempotency-Key': key } })),
  );
  const created = responses.filter((response) => response.status === 201);
  expect(created.length).toBeGreaterThanOrEqual(1);
  expect(new Set(created.map((response) => response.body.id)).size).toBe(1);
  for (const response of responses.filter((r) => r.status !== 201)) expect(response.status).toBe(409);
  expect(await count('stampede')).toBe(1);
});

it('refuses the same key for a different request with 422', async () => {
  const key = randomUUID();
  expect((await call('POST', 'contacts', { token: rep, body: { lastName: 'First' }, headers: { 'Idempotency-Key': key } })).status).toBe(201);
  const reused = await call<{ code: string }>('POST', 'contacts', { token: rep, body: { lastName: 'Second' }, headers: { 'Idempotency-Key': key } });
  expect(reused.status).toBe(422);
  expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
});

it('lets a request that failed be retried with the same key', async () => {
  const key = randomUUID();
  const refused = await call('POST', 'contacts', { token: rep, body: { lastName: 'Late', accountId: randomUUID() }, headers: { 'Idempotency-Key': key } });
  expect(refused.status).toBe(400);
  const account = (await call<Rec>('POST', 'accounts', { token: rep, body: { name: 'Late Account' } })).body;
  const retried = await call('POST', 'contacts', { token: rep, body: { lastName: 'Late', accountId: account.id }, headers: { 'Idempotency-Key': key } });
  expect(retried.status).toBe(201);
});

it('keeps keys per user: another user with the same key gets their own record', async () => {
  const key = randomUUID();
  const mine = await call<Rec>('POST', 'contacts', { token: rep, body: { lastName: 'Keyed' }, headers: { 'Idempotency-Key': key } });
  const theirs = await call<Rec>('POST', 'contacts', { token: await stack.tokenFor('rep2'), body: { lastName: 'Keyed' }, headers: { 'Idempotency-Key': key } });
  expect(theirs.status).toBe(201);
  expect(theirs.body.id).not.toBe(mine.body.id);
});

it('refuses a malformed key naming the header', async () => {
  const response = await call<{ errors: Array<{ field: string }> }>('POST', 'contacts', { token: rep, body: { lastName: 'X' }, headers: { 'Idempotency-Key': 'has spaces in it' } });
  expect(response.status).toBe(400);
  expect(response.body.errors[0]?.field).toBe('Idempotency-Key');
});
