/**
 * `/{tenant}/oauth2/v2.0/token`: the grants the product needs from Entra ID (authorization code
 * with PKCE, refresh token) plus the password grant, which Entra still offers for scripts and
 * which here takes the literal password `demo`. Errors follow RFC 6749: 400 and `{error, error_description}`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { findDemoUser, type DemoUser } from './demo-directory';
import { isInScope, type IdentityContext, type TenantScope } from './context';
import { verifyPkce, type Grant } from './grant-stores';
import { BadRequestBody, readForm, sendJson } from './http-kit';
import { formatScopes, parseScopes, type RequestedScopes } from './scopes';

export const DEMO_PASSWORD = 'demo';

class OAuthError extends Error {
  constructor(
    readonly error: string,
    description: string,
  ) {
    super(description);
  }
}

interface TokenGrantResult {
  user: DemoUser;
  grant: Grant;
  idToken: boolean;
  nonce?: string;
}

export async function handleToken(req: IncomingMessage, res: ServerResponse, scope: TenantScope, ctx: IdentityContext): Promise<void> {
  if (req.method !== 'POST') {
    sendJson(res, 405, { error: 'invalid_request', error_description: 'The token endpoint only accepts POST.' }, { Allow: 'POST, OPTIONS' });
    return;
  }
  try {
    const form = await readForm(req);
    const result = runGrant(form, scope, ctx);
    const body = await tokenResponse(result, ctx, form.get('client_info') === '1');
    sendJson(res, 200, body, { 'Cache-Control': 'no-store', Pragma: 'no-cache' });
  } catch (error) {
    if (error instanceof OAuthError) sendJson(res, 400, { error: error.error, error_description: error.message });
    else if (error instanceof BadRequestBody) sendJson(res, 400, { error: 'invalid_request', error_description: error.message });
    else throw error;
  }
}

function runGrant(form: URLSearchParams, scope: TenantScope, ctx: IdentityContext): TokenGrantResult {
  const grantType = required(form, 'grant_type');
  const clientId = required(form, 'client_id');
  let result: TokenGrantResult;
  if (grantType === 'authorization_code') result = codeGrant(form, clientId, ctx);
  else if (grantType === 'refresh_token') result = refreshGrant(form, clientId, ctx);
  else if (grantType === 'password') result = passwordGrant(form, clientId, ctx);
  else throw new OAuthError('unsupported_grant_type', `The grant_type "${grantType}" is not supported; use authorization_code, refresh_token or password.`);
  if (!isInScope(result.user, scope)) {
    throw new OAuthError('invalid_grant', `The user ${result.user.email} does not belong to the tenant of this endpoint; use /${result.user.tenantId}/ or /organizations/.`);
  }
  return result;
}

function codeGrant(form: URLSearchParams, clientId: string, ctx: IdentityContext): TokenGrantResult {
  const code = required(form, 'code');
  const redirectUri = required(form, 'redirect_uri');
  const verifier = required(form, 'code_verifier');
  const grant = ctx.codes.redeem(code);
  if (grant === undefined) throw new OAuthError('invalid_grant', 'The authorization code is unknown, expired or already redeemed.');
  if (grant.clientId !== clientId) throw new OAuthError('invalid_grant', 'The authorization code was issued to another client_id.');
  if (normalisedUrl(redirectUri) !== grant.redirectUri) throw new OAuthError('invalid_grant', 'The redirect_uri differs from the one of the authorization request.');
  if (!verifyPkce(verifier, grant.codeChallenge)) throw new OAuthError('invalid_grant', 'The code_verifier does not match the code_challenge (PKCE S256).');
  return { user: userOf(grant.username), grant, idToken: true, nonce: grant.nonce };
}

function refreshGrant(form: URLSearchParams, clientId: string, ctx: IdentityContext): TokenGrantResult {
  const stored = ctx.refreshTokens.find(required(form, 'refresh_token'));
  if (stored === undefined) throw new OAuthError('invalid_grant', 'The refresh token is unknown or expired; sign in again.');
  if (stored.clientId !== clientId) throw new OAuthError('invalid_grant', 'The refresh token was issued to another client_id.');
  // As with Entra, a refresh token may be exchanged for other scopes of the same API.
  const scopes = form.has('scope') ? scopesOf(form, ctx) : stored.scopes;
  const withOffline: RequestedScopes = { api: scopes.api, oidc: [...new Set([...scopes.oidc, 'offline_access'])] };
  return { user: userOf(stored.username), grant: { ...stored, scopes: withOffline }, idToken: scopes.oidc.includes('openid') };
}

function passwordGrant(form: URLSearchParams, clientId: string, ctx: IdentityContext): TokenGrantResult {
  const username = required(form, 'username');
  const password = required(form, 'password');
  const scopes = scopesOf(form, ctx);
  const user = findDemoUser(username);
  if (user === undefined || password !== DEMO_PASSWORD) {
    throw new OAuthError('invalid_grant', `Unknown demo user or wrong password (every demo user's password is "${DEMO_PASSWORD}").`);
  }
  return { user, grant: { username: user.username, clientId, scopes }, idToken: scopes.oidc.includes('openid') };
}

async function tokenResponse(result: TokenGrantResult, ctx: IdentityContext, withClientInfo: boolean): Promise<Record<string, unknown>> {
  const { user, grant } = result;
  // Without an API scope the token still carries the OIDC scopes, so the functions reject it for
  // want of access_as_user, as they would reject Entra's Microsoft Graph token in that case.
  const scp = grant.scopes.api.length > 0 ? grant.scopes.api : grant.scopes.oidc;
  const body: Record<string, unknown> = {
    token_type: 'Bearer',
    scope: formatScopes(grant.scopes, ctx.audience),
    expires_in: ctx.lifetimeSeconds,
    ext_expires_in: ctx.lifetimeSeconds,
    access_token: await ctx.issuer.accessToken({ user, clientId: grant.clientId, scopes: scp }),
  };
  if (grant.scopes.oidc.includes('offline_access')) body.refresh_token = ctx.refreshTokens.issue(grant);
  if (result.idToken) body.id_token = await ctx.issuer.idToken({ user, clientId: grant.clientId, nonce: result.nonce });
  // MSAL builds its account id from client_info when it asks for it, as Entra returns it.
  if (withClientInfo) body.client_info = Buffer.from(JSON.stringify({ uid: user.userId, utid: user.tenantId })).toString('base64url');
  return body;
}

function required(form: URLSearchParams, name: string): string {
  const value = form.get(name);
  if (!value) throw new OAuthError('invalid_request', `The ${name} parameter is missing.`);
  return value;
}

function scopesOf(form: URLSearchParams, ctx: IdentityContext): RequestedScopes {
  const parsed = parseScopes(form.get('scope') ?? undefined, ctx.audience);
  if (!parsed.ok) throw new OAuthError('invalid_scope', parsed.description);
  return parsed.scopes;
}

function userOf(username: string): DemoUser {
  const user = findDemoUser(username);
  if (user === undefined) throw new Error(`Grant names unknown demo user ${username}`);
  return user;
}

function normalisedUrl(value: string): string {
  try {
    return new URL(value).href;
  } catch {
    throw new OAuthError('invalid_request', 'The redirect_uri is not an absolute URL.');
  }
}
