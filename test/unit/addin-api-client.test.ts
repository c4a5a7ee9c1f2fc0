/**
 * The pane's way to the API as a specification: each failure becomes the kind the pane explains
 * (offline, unreachable, session ended, refused, conflict, server), a 401 renews the token once.
 */
import { ApiError, errorFromResponse } from '../../addin/api/api-error';
import { HttpClient } from '../../addin/api/http-client';
import type { TokenSource } from '../../addin/auth/session';

function tokens(values: (string | null)[]): TokenSource & { invalidated: number } {
  const queue = [...values];
  return {
    invalidated: 0,
    silentToken: async () => (queue.length > 1 ? (queue.shift() ?? null) : (queue[0] ?? null)),
    interactiveToken: async () => 'interactive',
    invalidate() {
      this.invalidated += 1;
    },
    signOut: async () => undefined,
  };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

test('a call carries the bearer token, If-Match and Idempotency-Key, and answers the body with the ETag', async () => {
  const fetcher = jest.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => json(200, { id: 'x' }, { ETag: '"7"' }));
  const client = new HttpClient('https://crm.example/api', tokens(['t1']), fetcher);
  const result = await client.request<{ id: string }>('POST', 'opportunities/x/stage', { body: { stage: 'won' }, ifMatch: '"6"', idempotencyKey: 'k1' });
  expect(result).toEqual({ body: { id: 'x' }, etag: '"7"', status: 200 });
  const [url, init] = fetcher.mock.calls[0] ?? [];
  expect(url).toBe('https://crm.example/api/opportunities/x/stage');
  expect(init?.headers).toMatchObject({ Authorization: 'Bearer t1', 'If-Match': '"6"', 'Idempotency-Key': 'k1', 'Content-Type': 'application/json' });
});

test('after a 401 the token is renewed once and the call repeated', async () => {
  const source = tokens(['old', 'new']);
  const fetcher = jest.fn(async (_url: RequestInfo | URL, init?: RequestInit) =>
    (init?.headers as Record<string, string>).Authorization === 'Bearer old' ? json(401, { title: 'Unauthorized' }) : json(200, { ok: true }),
  );
  const result = await new HttpClient('/api', source, fetcher).request('GET', 'contacts');
  expect(result.body).toEqual({ ok: true });
  expect(source.invalidated).toBe(1);
  expect(fetcher).toHaveBeenCalledTimes(2);
});

test('when no token can be had silently, the pane is told to sign in (nothing is sent)', async () => {
  const fetcher = jest.fn();
  await expect(new HttpClient('/api', tokens([null]), fetcher).request('GET', 'contacts')).rejects.toMatchObject({ kind: 'unauthorized' });
  expect(fetcher).not.toHaveBeenCalled();
});

test('a network failure is "offline" when the browser knows it is offline, "unreachable" otherwise', async () => {
  const failing = async () => {
    throw new TypeError('Failed to fetch');
  };
  await expect(new HttpClient('/api', tokens(['t']), failing).request('GET', 'contacts')).rejects.toMatchObject({ kind: 'unreachable', status: 0 });
  const navigatorDescriptor = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
  Object.defineProperty(globalThis, 'navigator', { value: { onLine: false }, configurable: true });
  try {
    await expect(new HttpClient('/api', tokens(['t']), failing).request('GET', 'contacts')).rejects.toMatchObject({ kind: 'offline' });
  } finally {
    if (navigatorDescriptor) Object.defineProperty(globalThis, 'navigator', navigatorDescriptor);
  }
});

test.each([
  [403, 'forbidden'],
  [404, 'not-found'],
  [409, 'conflict'],
  [412, 'conflict'],
  [428, 'conflict'],
  [413, 'too-large'],
  [400, 'validation'],
  [500, 'server'],
  [503, 'server'],
])('HTTP %i is a "%s" problem', async (status, kind) => {
  const fetcher = async () => json(status, { title: 'x', detail: 'Because.', traceId: 'trace-1' });
  const failure = await new HttpClient('/api', tokens(['t']), fetcher).request('GET', 'x').catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(ApiError);
  expect(failure).toMatchObject({ kind, status, message: 'Because.', traceId: 'trace-1' });
});

test('a 400 names each field the server refused', () => {
  const error = errorFromResponse(400, { title: 'Invalid', detail: 'Check the fields.', errors: [{ field: 'lastName', message: 'is required' }] });
  expect(error.issues).toEqual([{ field: 'lastName', message: 'is required' }]);
});
