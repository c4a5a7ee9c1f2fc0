import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { decodeJwt } from 'jose';
import { createTokenValidator, type TokenValidator } from '../../functions/infra/identity/token-validator';
import { DEMO_TENANT_ID, OTHER_TENANT_ID } from '../../local/identity/demo-directory';
import { startIdentityServer, type IdentityServer } from '../../local/identity/identity-server';

const CLIENT_ID = 'b3f6a2de-0c4e-4a43-9c3e-6f3e1f0d9a11';
const REDIRECT_URI = 'http://localhost:3000/auth/callback';
const API_SCOPE = 'api://office-crm/access_as_user';

let identity: IdentityServer;
let validator: TokenValidator;

beforeAll(async () => {
  identity = await startIdentityServer({ port: 0 });
  validator = validatorFor(identity);
});

afterAll(() => identity.close());

function validatorFor(server: IdentityServer): TokenValidator {
  return createTokenValidator({ jwksUri: server.jwksUri, issuerTemplate: server.issuerTemplate, audience: server.audience, requiredScope: 'access_as_user' });
}

function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

function authorizeUrl(params: Record<string, string>, tenant = 'organizations'): string {
  const query = new URLSearchParams({
    client_id: CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    response_type: 'code',
    scope: `${API_SCOPE} openid profile offline_access`,
    state: 'state-123',
    code_challenge_method: 'S256',
    ...params,
  });
  return `${identity.baseUrl}/${tenant}/oauth2/v2.0/authorize?${query}`;
}

/** Walks the sign-in page as a browser would: load it, submit the form with one user's button. */
async function signIn(username: string, challenge: string, extra: Record<string, string> = {}): Promise<URL> {
  const page = await fetch(authorizeUrl({ code_challenge: challenge, ...extra }));
  expect(page.status).toBe(200);
  const html = await page.text();
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1]?.replace(/&#38;/g, '&');
  expect(action).toBeDefined();
  expect(html).toContain(`name="username" value="${username}"`);
  const response = await fetch(new URL(action ?? '', identity.baseUrl), {
    method: 'POST',
    body: new URLSearchParams({ username }),
    redirect: 'manual',
  });
  expect(response.status).toBe(302);
  return new URL(response.headers.get('location') ?? '');
}

async function token(params: Record<string, string>, tenant = 'organizations'): Promise<{ status: number; body: Record<string, string> }> {
  const response = await fetch(`${identity.baseUrl}/${tenant}/oauth2/v2.0/token`, {
    method: 'POST',
    body: new URLSearchParams({ client_id: CLIENT_ID, ...params }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

const redeem = (code: string, verifier: string): ReturnType<typeof token> =>
  token({ grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: REDIRECT_URI });

describe('identity stand-in', () => {
  it('publishes Entra-shaped metadata and keys', async () => {
    const common = (await (await fetch(`${identity.baseUrl}/common/v2.0/.well-known/openid-configuration`)).json()) as Record<string, string>;
    expect(common.issuer).toBe(identity.issuerTemplate);
    expect(common.jwks_uri).toBe(identity.jwksUri);
    expect(common.token_endpoint).toBe(`${identity.baseUrl}/common/oauth2/v2.0/token`);
    const contoso = (await (await fetch(`${identity.baseUrl}/${DEMO_TENANT_ID}/v2.0/.well-known/openid-configuration`)).json()) as Record<string, string>;
    expect(contoso.issuer).toBe(identity.issuerFor(DEMO_TENANT_ID));
    const unknown = await fetch(`${identity.baseUrl}/00000000-0000-0000-0000-000000000000/v2.0/.well-known/openid-configuration`);
    expect(unknown.status).toBe(400);
    const jwks = (await (await fetch(identity.jwksUri)).json()) as { keys: { kid?: string; alg?: string; d?: string }[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(jwks.keys[0]?.d).toBeUndefined();
  });

  it('signs a user in through the form and exchanges the code with PKCE for tokens the functions accept', async () => {
    const { verifier, challenge } = pkcePair();
    const callback = await signIn('rep1', challenge, { nonce: 'nonce-1' });
    expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT_URI);
    expect(callback.searchParams.get('state')).toBe('state-123');
    const { status, body } = await redeem(callback.searchParams.get('code') ?? '', verifier);
    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: 'Bearer', scope: `${API_SCOPE} openid profile offline_access` });
    const principal = await validator.validate(`Bearer ${body.access_token}`);
    expect(principal).toMatchObject({ tenantId: DEMO_TENANT_ID, displayName: 'Priya Raman', roles: ['sales-rep'] });
    expect(decodeJwt(body.id_token ?? '')).toMatchObject({ aud: CLIENT_ID, nonce: 'nonce-1', tid: DEMO_TENANT_ID, iss: identity.issuerFor(DEMO_TENANT_ID) });
    expect(body.refresh_token).toEqual(expect.any(String));
  });

  it('rejects a wrong code verifier, and the code cannot be tried again', async () => {
    const { verifier, challenge } = pkcePair();
    const code = (await signIn('manager', challenge)).searchParams.get('code') ?? '';
    const wrong = await redeem(code, pkcePair().verifier);
    expect(wrong).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect(wrong.body.error_description).toMatch(/code_verifier/);
    expect((await redeem(code, verifier)).body.error).toBe('invalid_grant');
  });

  it('redeems a code only once', async () => {
    const { verifier, challenge } = pkcePair();
    const code = (await signIn('rep2', challenge)).searchParams.get('code') ?? '';
    expect((await redeem(code, verifier)).status).toBe(200);
    const again = await redeem(code, verifier);
    expect(again).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect(again.body.error_description).toMatch(/already redeemed/);
  });

  it('refreshes tokens with the refresh token', async () => {
    const { verifier, challenge } = pkcePair();
    const code = (await signIn('other-rep', challenge)).searchParams.get('code') ?? '';
    const first = await redeem(code, verifier);
    const refreshed = await token({ grant_type: 'refresh_token', refresh_token: first.body.refresh_token ?? '', scope: API_SCOPE });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.access_token).not.toBe(first.body.access_token);
    expect(refreshed.body.refresh_token).toEqual(expect.any(String));
    await expect(validator.validate(`Bearer ${refreshed.body.access_token}`)).resolves.toMatchObject({ tenantId: OTHER_TENANT_ID });
    const bogus = await token({ grant_type: 'refresh_token', refresh_token: 'not-a-refresh-token' });
    expect(bogus).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('issues tokens to the password grant with the password "demo" only', async () => {
    const ok = await token({ grant_type: 'password', username: 'marketing', password: 'demo', scope: API_SCOPE }, DEMO_TENANT_ID);
    expect(ok.status).toBe(200);
    await expect(validator.validate(`Bearer ${ok.body.access_token}`)).resolves.toMatchObject({ roles: ['marketing'] });
    const wrongPassword = await token({ grant_type: 'password', username: 'marketing', password: 'secret', scope: API_SCOPE });
    expect(wrongPassword).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    const otherTenant = await token({ grant_type: 'password', username: 'other-admin', password: 'demo', scope: API_SCOPE }, DEMO_TENANT_ID);
    expect(otherTenant).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    const badScope = await token({ grant_type: 'password', username: 'marketing', password: 'demo', scope: 'User.Read' });
    expect(badScope).toMatchObject({ status: 400, body: { error: 'invalid_scope' } });
    const noGrant = await token({ username: 'marketing' });
    expect(noGrant).toMatchObject({ status: 400, body: { error: 'invalid_request', error_description: 'The grant_type parameter is missing.' } });
  });

  it('refuses to send codes anywhere but this machine, and says why', async () => {
    const response = await fetch(authorizeUrl({ code_challenge: pkcePair().challenge, redirect_uri: 'https://evil.example/callback' }));
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/not a loopback address/);
  });

  it('explains what is wrong with a bad authorization request', async () => {
    const noPkce = await fetch(authorizeUrl({}));
    expect(noPkce.status).toBe(400);
    expect(await noPkce.text()).toContain('PKCE is required');
    const implicit = await fetch(authorizeUrl({ code_challenge: pkcePair().challenge, response_type: 'token' }));
    expect(await implicit.text()).toContain('response_type must be');
  });

  it('returns access_denied to the app when the user cancels', async () => {
    const page = await fetch(authorizeUrl({ code_challenge: pkcePair().challenge }));
    const action = /action="([^"]+)"/.exec(await page.text())?.[1]?.replace(/&#38;/g, '&') ?? '';
    const response = await fetch(new URL(action, identity.baseUrl), { method: 'POST', body: new URLSearchParams({ cancel: '1' }), redirect: 'manual' });
    const location = new URL(response.headers.get('location') ?? '');
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe('state-123');
  });

  it('lists only the tenant’s own users on a tenant-specific sign-in page', async () => {
    const html = await (await fetch(authorizeUrl({ code_challenge: pkcePair().challenge }, OTHER_TENANT_ID))).text();
    expect(html).toContain('Kenji Watanabe');
    expect(html).not.toContain('Priya Raman');
  });
});

describe('identity stand-in restarts', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'identity-restart-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  /** The issuer contains the port, so a restart must come back on the same one. */
  async function restart(server: IdentityServer, withDataDir: boolean): Promise<IdentityServer> {
    await server.close();
    return startIdentityServer({ port: Number(new URL(server.baseUrl).port), dataDir: withDataDir ? dataDir : undefined });
  }

  it('keeps its signing key in the data directory, so tokens survive a restart', async () => {
    const before = await startIdentityServer({ port: 0, dataDir });
    const issued = await before.issueToken('admin');
    const after = await restart(before, true);
    try {
      await expect(validatorFor(after).validate(`Bearer ${issued}`)).resolves.toMatchObject({ roles: ['admin'] });
    } finally {
      await after.close();
    }
  });

  it('without a data directory, a restart invalidates earlier tokens', async () => {
    const before = await startIdentityServer({ port: 0 });
    const issued = await before.issueToken('admin');
    const after = await restart(before, false);
    try {
      await expect(validatorFor(after).validate(`Bearer ${issued}`)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    } finally {
      await after.close();
    }
  });
});
