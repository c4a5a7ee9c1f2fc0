/**
 * Local sign-in (code + PKCE in an Office dialog against the identity stand-in): the access token
 * stays in memory and sessionStorage, the refresh token in memory, nothing in localStorage.
 */
import { LocalTokenSource } from '../../addin/auth/local-token-source';
import { absoluteConfig, parseConfig } from '../../addin/config';

const config = {
  mode: 'local' as const,
  authorizeUrl: '/identity/organizations/oauth2/v2.0/authorize',
  tokenUrl: 'https://localhost:3000/identity/organizations/oauth2/v2.0/token',
  clientId: 'office-crm-addin',
  scope: 'api://office-crm/access_as_user openid offline_access',
};

function jwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256' })}.${part(claims)}.sig`;
}

function memoryStorage(): Storage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (key) => data.get(key) ?? null,
    key: (index) => [...data.keys()][index] ?? null,
    removeItem: (key) => void data.delete(key),
    setItem: (key, value) => void data.set(key, value),
  };
}

const fresh = () => jwt({ exp: Math.floor(Date.now() / 1000) + 3600, name: 'Priya Raman' });
let localStorageWrites: jest.Mock;

beforeEach(() => {
  localStorageWrites = jest.fn();
  Object.defineProperty(globalThis, 'localStorage', { value: { setItem: localStorageWrites, getItem: () => null, removeItem: jest.fn() }, configurable: true });
});

afterEach(() => {
  jest.restoreAllMocks();
});

test('signing in exchanges the code with the PKCE verifier and keeps the token out of localStorage', async () => {
  const session = memoryStorage();
  const token = fresh();
  let dialogUrl = '';
  const fetchSpy = jest.spyOn(globalThis, 'fetch').mockImplementation(async (_url, init) => {
    const form = new URLSearchParams(String(init?.body));
    expect(form.get('grant_type')).toBe('authorization_code');
    expect(form.get('code')).toBe('the-code');
    expect(form.get('code_verifier')?.length).toBeGreaterThanOrEqual(43);
    return new Response(JSON.stringify({ access_token: token, refresh_token: 'refresh-1', expires_in: 3600 }), { status: 200 });
  });
  const source = new LocalTokenSource(
    config,
    async (url) => {
      dialogUrl = url;
      const authorize = new URL(new URL(url).searchParams.get('go') ?? '');
      return new URLSearchParams({ code: 'the-code', state: authorize.searchParams.get('state') ?? '' }).toString();
    },
    session,
    'https://localhost:3000',
    () => 'priya.raman@contoso.example',
  );
  await expect(source.interactiveToken()).resolves.toBe(token);
  const authorize = new URL(new URL(dialogUrl).searchParams.get('go') ?? '');
  expect(authorize.origin + authorize.pathname).toBe('https://localhost:3000/identity/organizations/oauth2/v2.0/authorize');
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorize.searchParams.get('login_hint')).toBe('priya.raman@contoso.example');
  expect(fetchSpy).toHaveBeenCalledTimes(1);
  expect([...session.data.values()]).toEqual([token]);
  expect(JSON.stringify([...session.data.values()])).not.toContain('refresh-1');
  expect(localStorageWrites).not.toHaveBeenCalled();
  await expect(source.silentToken()).resolves.toBe(token);
});

test('an answer for another sign-in attempt (state mismatch) is refused', async () => {
  jest.spyOn(globalThis, 'fetch').mockImplementation(async () => new Response('{}'));
  const source = new LocalTokenSource(config, async () => 'code=x&state=not-mine', memoryStorage(), 'https://localhost:3000');
  await expect(source.interactiveToken()).rejects.toThrow(/did not match/);
});

test('an expired token is renewed with the refresh token kept in memory, or the user signs in again', async () => {
  const session = memoryStorage();
  session.setItem('officeCrm.accessToken', jwt({ exp: Math.floor(Date.now() / 1000) - 10 }));
  const source = new LocalTokenSource(config, async () => '', session, 'https://localhost:3000');
  await expect(source.silentToken()).resolves.toBeNull();
});

test('a page-less runtime resolves the relative addresses of the build against the add-in host', () => {
  const parsed = parseConfig({ apiBaseUrl: '/api', auth: { ...config, tokenUrl: '/identity/t' } });
  expect(absoluteConfig(parsed, 'https://crm.contoso.com')).toMatchObject({ apiBaseUrl: 'https://crm.contoso.com/api', auth: { tokenUrl: 'https://crm.contoso.com/identity/t' } });
});

test('a configuration without its sign-in block is refused with a message saying what to do', () => {
  expect(() => parseConfig({ apiBaseUrl: '/api' })).toThrow(/rebuild the add-in or restart npm start/);
});
