import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SignJWT, type JWTPayload } from 'jose';
import { createTokenValidator, type TokenValidator, type TokenValidatorConfig } from '../../functions/infra/identity/token-validator';
import { DEMO_TENANT_ID, OTHER_TENANT_ID, findDemoUser } from '../../local/identity/demo-directory';
import { startIdentityServer, type IdentityServer } from '../../local/identity/identity-server';
import { loadOrCreateSigningKey, type SigningKey } from '../../local/identity/signing-key';
import { AppError } from '../../shared/domain/errors';

let dataDir: string;
let identity: IdentityServer;
let signingKey: SigningKey;
let config: TokenValidatorConfig;
let validator: TokenValidator;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'identity-validator-'));
  identity = await startIdentityServer({ port: 0, dataDir });
  // The stand-in persisted its key there: reading it back lets tests forge tokens it would never issue.
  signingKey = await loadOrCreateSigningKey(dataDir);
  config = { jwksUri: identity.jwksUri, issuerTemplate: identity.issuerTemplate, audience: identity.audience, requiredScope: 'access_as_user' };
  validator = createTokenValidator(config);
});

afterAll(async () => {
  await identity.close();
  await rm(dataDir, { recursive: true, force: true });
});

const bearer = (token: string): string => `Bearer ${token}`;

/** Claims of a genuine rep1 token, to be altered one at a time. */
function rep1Claims(overrides: JWTPayload = {}): JWTPayload {
  const now = Math.floor(Date.now() / 1000);
  return {
    aud: identity.audience,
    iss: identity.issuerFor(DEMO_TENANT_ID),
    tid: DEMO_TENANT_ID,
    oid: findDemoUser('rep1')?.userId,
    name: 'Priya Raman',
    preferred_username: 'priya.raman@contoso.example',
    scp: 'access_as_user',
    roles: ['sales-rep'],
    ver: '2.0',
    iat: now,
    nbf: now,
    exp: now + 600,
    ...overrides,
  };
}

function forge(claims: JWTPayload, key = signingKey.privateKey, kid = signingKey.kid): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid }).sign(key);
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

async function expectUnauthenticated(header: string | undefined, reason: RegExp, by = validator): Promise<AppError> {
  const error = await rejection(by.validate(header));
  expect(error.code).toBe('UNAUTHENTICATED');
  expect(error.message).toMatch(reason);
  return error;
}

describe('token validator', () => {
  it('turns a stand-in token into the principal of its user', async () => {
    const principal = await validator.validate(bearer(await identity.issueToken('rep1')));
    expect(principal).toEqual({
      tenantId: DEMO_TENANT_ID,
      userId: '7b11758a-1c42-46f6-8b9f-f66622b5b5c7',
      displayName: 'Priya Raman',
      email: 'priya.raman@contoso.example',
      roles: ['sales-rep'],
      scopes: ['access_as_user'],
    });
  });

  it('rejects an expired token and says so in the WWW-Authenticate challenge', async () => {
    const token = await identity.issueToken('rep1', { notBefore: new Date(Date.now() - 2 * 3600_000), lifetimeSeconds: 3600 });
    const error = await expectUnauthenticated(bearer(token), /expired/);
    expect(error.headers['WWW-Authenticate']).toBe('Bearer error="invalid_token", error_description="The access token has expired."');
  });

  it('accepts a token just past expiry within the clock tolerance, and rejects one not valid yet', async () => {
    const justExpired = await identity.issueToken('rep1', { notBefore: new Date(Date.now() - 3660_000), lifetimeSeconds: 3600 });
    await expect(validator.validate(bearer(justExpired))).resolves.toMatchObject({ userId: findDemoUser('rep1')?.userId });
    const future = await identity.issueToken('rep1', { notBefore: new Date(Date.now() + 3600_000) });
    await expectUnauthenticated(bearer(future), /not valid yet/);
  });

  it('rejects a token for another audience', async () => {
    await expectUnauthenticated(bearer(await identity.issueToken('rep1', { audience: 'api://another-api' })), /another audience/);
  });

  it('rejects a token from another issuer', async () => {
    const entraOnly = createTokenValidator({ ...config, issuerTemplate: 'https://login.microsoftonline.com/{tenantid}/v2.0' });
    await expectUnauthenticated(bearer(await identity.issueToken('rep1')), /expected issuer/, entraOnly);
  });

  it('rejects a token whose tid differs from the tenant in its issuer', async () => {
    await expectUnauthenticated(bearer(await forge(rep1Claims({ tid: OTHER_TENANT_ID }))), /expected issuer/);
  });

  it('rejects a token whose tid is not a tenant id, or that has none', async () => {
    const notGuid = rep1Claims({ tid: 'contoso', iss: identity.issuerFor('contoso') });
    await expectUnauthenticated(bearer(await forge(notGuid)), /tid claim .* not a tenant id/);
    await expectUnauthenticated(bearer(await forge(rep1Claims({ tid: undefined }))), /no tid claim/);
  });

  it('rejects a token without the required scope', async () => {
    await expectUnauthenticated(bearer(await identity.issueToken('rep1', { scopes: ['openid', 'profile'] })), /access_as_user scope/);
  });

  it('rejects a token whose payload was altered after signing', async () => {
    const [header, , signature] = (await identity.issueToken('rep1')).split('.');
    const elevated = Buffer.from(JSON.stringify(rep1Claims({ roles: ['admin'] }))).toString('base64url');
    await expectUnauthenticated(bearer(`${header}.${elevated}.${signature}`), /signature .* invalid/);
  });

  it('rejects an unsigned token (alg none) and a token MACed with the public key (HS256)', async () => {
    const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
    const unsigned = `${encode({ alg: 'none', typ: 'JWT' })}.${encode(rep1Claims())}.`;
    await expectUnauthenticated(bearer(unsigned), /RS256/);
    const publicAsSecret = new TextEncoder().encode(JSON.stringify(signingKey.publicJwk));
    const hs256 = await new SignJWT(rep1Claims()).setProtectedHeader({ alg: 'HS256', kid: signingKey.kid }).sign(publicAsSecret);
    await expectUnauthenticated(bearer(hs256), /RS256/);
  });

  it('rejects a token signed with a key the issuer does not publish', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    await expectUnauthenticated(bearer(await forge(rep1Claims(), privateKey, 'attacker-key')), /key the identity provider does not publish/);
    // Reusing the genuine kid does not help: the signature does not verify with the genuine key.
    await expectUnauthenticated(bearer(await forge(rep1Claims(), privateKey)), /signature .* invalid/);
  });

  it('asks for the Bearer scheme, and for credentials when there are none', async () => {
    const token = await identity.issueToken('rep1');
    await expectUnauthenticated(`Basic ${Buffer.from('rep1:demo').toString('base64')}`, /Bearer scheme/);
    await expectUnauthenticated(token, /Bearer scheme/);
    await expectUnauthenticated('Bearer ', /Bearer scheme/);
    await expectUnauthenticated('Bearer not-a-jwt', /not a well-formed signed JWT/);
    const missing = await expectUnauthenticated(undefined, /no Authorization header/);
    expect(missing.headers['WWW-Authenticate']).toBe('Bearer');
    await expect(validator.validate(`bearer ${token}`)).resolves.toMatchObject({ tenantId: DEMO_TENANT_ID });
  });

  it('rejects tenants that are not allowed, and only those', async () => {
    const contosoOnly = createTokenValidator({ ...config, allowedTenants: [DEMO_TENANT_ID.toUpperCase()] });
    await expectUnauthenticated(bearer(await identity.issueToken('other-rep')), /tenant .* not allowed/, contosoOnly);
    await expect(contosoOnly.validate(bearer(await identity.issueToken('rep2')))).resolves.toMatchObject({ roles: ['sales-rep'] });
  });

  it('keeps only the roles the CRM knows, and none when the token has none', async () => {
    const mixed = await validator.validate(bearer(await forge(rep1Claims({ roles: ['sales-rep', 'Global.Admin', 42] }))));
    expect(mixed.roles).toEqual(['sales-rep']);
    const none = await validator.validate(bearer(await forge(rep1Claims({ roles: undefined }))));
    expect(none.roles).toEqual([]);
  });

  it('reports an unreachable key endpoint as temporary, not as a bad token', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const unreachable = createTokenValidator({ ...config, jwksUri: `http://127.0.0.1:${port}/discovery/v2.0/keys` });
    const error = await rejection(unreachable.validate(bearer(await identity.issueToken('rep1'))));
    expect(error.code).toBe('TEMPORARY');
  });
});
