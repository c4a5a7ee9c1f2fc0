/**
 * The on-send handler as classic Outlook on Windows runs it: the built launchevent.js alone, in a
 * JavaScript-only runtime (no document, no window, no chunk loading). Needs the add-in build
 * (npm test builds before jest).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

const BUNDLE = path.resolve(__dirname, '..', '..', 'dist', 'addin', 'outlook', 'launchevent.js');

type Completed = { allowEvent: boolean; errorMessage?: string };
type Callback = (result: { status: string; value?: unknown }) => void;

function jwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none' })}.${part(claims)}.sig`;
}

function runtime(options: { mark?: unknown; session?: Record<string, string>; fetch?: typeof fetch }) {
  const handlers: Record<string, (event: { completed(o: Completed): void }) => void> = {};
  const ok = (value?: unknown) => ({ status: 'succeeded', value });
  const item = {
    loadCustomPropertiesAsync: (cb: Callback) =>
      cb(ok({ get: (key: string) => (key === 'officeCrmTrack' && options.mark ? JSON.stringify(options.mark) : undefined), set() {}, remove() {}, saveAsync: (done: Callback) => done(ok()) })),
    subject: { getAsync: (cb: Callback) => cb(ok('Quote for the renewal')) },
    to: { getAsync: (cb: Callback) => cb(ok([{ emailAddress: 'olivia.andersen@northwind.example', displayName: 'Olivia Andersen' }])) },
    cc: { getAsync: (cb: Callback) => cb(ok([])) },
    body: { getAsync: (_type: string, cb: Callback) => cb(ok('Hello Olivia,\n\nthe quote is attached.')) },
  };
  const Office = {
    actions: { associate: (name: string, handler: (event: { completed(o: Completed): void }) => void) => (handlers[name] = handler) },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    CoercionType: { Text: 'text', Html: 'html' },
    context: { mailbox: { item, userProfile: { emailAddress: 'priya.raman@contoso.example', displayName: 'Priya Raman' } } },
  };
  const session = options.session;
  const sandbox: Record<string, unknown> = {
    Office,
    URL,
    URLSearchParams,
    TextEncoder,
    TextDecoder,
    atob,
    btoa,
    setTimeout,
    clearTimeout,
    console,
    crypto: globalThis.crypto,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(session ? { sessionStorage: { getItem: (key: string) => session[key] ?? null, setItem: (key: string, value: string) => (session[key] = value), removeItem: (key: string) => delete session[key] } } : {}),
  };
  sandbox.self = sandbox;
  sandbox.globalThis = sandbox;
  vm.runInNewContext(readFileSync(BUNDLE, 'utf8'), sandbox);
  const send = () =>
    new Promise<Completed>((resolve) => {
      const handler = handlers.onMessageSendHandler;
      if (!handler) throw new Error('launchevent.js did not associate onMessageSendHandler');
      handler({ completed: resolve });
    });
  return { send };
}

const built = existsSync(BUNDLE);

(built ? describe : describe.skip)('the on-send handler in a page-less runtime', () => {
  test('a message not marked "track when sent" is sent at once, without calling the API', async () => {
    const fetch = jest.fn();
    await expect(runtime({ fetch }).send()).resolves.toEqual({ allowEvent: true });
    expect(fetch).not.toHaveBeenCalled();
  });

  test('a marked message without a usable sign-in is held with a message saying why and what to do', async () => {
    const result = await runtime({ mark: { trackingId: '4b7f4a4e-1c1a-4b52-9c1e-0a6f0b3c2d10', contactIds: [] } }).send();
    expect(result.allowEvent).toBe(false);
    expect(result.errorMessage).toMatch(/could not track this message/);
    expect(result.errorMessage).toMatch(/Track when sent/);
  });

  test('a marked message is tracked for the recipients the CRM knows, at the absolute API address of the build', async () => {
    const calls: { url: string; body: unknown }[] = [];
    const fetch = jest.fn(async (url: string, init: { body?: string }) => {
      const body: unknown = init.body ? JSON.parse(init.body) : undefined;
      calls.push({ url, body });
      const answer = url.endsWith('/outlook/context')
        ? { participants: [{ email: 'olivia.andersen@northwind.example', role: 'to', contactIds: ['c-1'] }], contacts: [{ id: 'c-1', accountId: 'a-1' }], accounts: [], tracked: null, meeting: null }
        : { id: 't-1', alreadyTracked: false };
      return new Response(JSON.stringify(answer), { status: url.endsWith('/emails/track') ? 201 : 200, headers: { 'Content-Type': 'application/json' } });
    });
    const token = jwt({ exp: Math.floor(Date.now() / 1000) + 3600 });
    const result = await runtime({ mark: { trackingId: '4b7f4a4e-1c1a-4b52-9c1e-0a6f0b3c2d10', contactIds: [] }, session: { 'officeCrm.accessToken': token }, fetch: fetch as unknown as typeof globalThis.fetch }).send();
    expect(result).toEqual({ allowEvent: true });
    expect(calls.map((c) => c.url)).toEqual(['https://localhost:3000/api/outlook/context', 'https://localhost:3000/api/emails/track']);
    expect(calls[1]?.body).toMatchObject({ trackingId: '4b7f4a4e-1c1a-4b52-9c1e-0a6f0b3c2d10', contactIds: ['c-1'], accountId: 'a-1', subject: 'Quote for the renewal' });
  });
});

test('the add-in build exists for the runtime test', () => {
  expect(built ? 'built' : 'dist/addin is missing: run npm run build:addin first').toBe('built');
});
