/**
 * The local stand-in for Microsoft Entra ID: OpenID metadata, JWKS, the authorize and token
 * endpoints, laid out at the same paths as `login.microsoftonline.com` so the add-ins' sign-in and
 * the functions' token validation run unchanged against either; only configuration differs.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LOCAL_HOST } from '../local-defaults';
import { handleAuthorize, handleLogout } from './authorize-endpoint';
import { resolveTenantScope, type IdentityContext, type TenantScope } from './context';
import { findDemoUser } from './demo-directory';
import { openIdConfiguration } from './discovery';
import { AuthorizationCodeStore, RefreshTokenStore } from './grant-stores';
import { CORS_HEADERS, sendHtml, sendJson } from './http-kit';
import { renderMessagePage } from './sign-in-page';
import { loadOrCreateSigningKey, type SigningKey } from './signing-key';
import { API_SCOPES } from './scopes';
import { handleToken } from './token-endpoint';
import { createTokenIssuer } from './token-issuer';
import { listen } from '../net/listen';

export const DEFAULT_AUDIENCE = 'api://office-crm';
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 3600;

export interface IssueTokenOptions {
  lifetimeSeconds?: number;
  /** `scp` values; `['access_as_user']` by default. */
  scopes?: string[];
  audience?: string;
  notBefore?: Date;
}

export interface IdentityServer {
  baseUrl: string;
  audience: string;
  jwksUri: string;
  /** Issuer with the literal `{tenantid}` placeholder, as Entra's multi-tenant metadata writes it. */
  issuerTemplate: string;
  issuerFor(tenantId: string): string;
  /** Signs an access token for a demo user directly, without an HTTP round trip (tests, seed scripts). */
  issueToken(username: string, options?: IssueTokenOptions): Promise<string>;
  close(): Promise<void>;
}

export interface IdentityServerOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Keeps the RSA signing key (and kid) here so tokens survive a restart; memory only if undefined. */
  dataDir?: string;
  audience?: string;
  tokenLifetimeSeconds?: number;
}

export async function startIdentityServer(options: IdentityServerOptions = {}): Promise<IdentityServer> {
  const key = await loadOrCreateSigningKey(options.dataDir);
  const server = createServer();
  await listen(server, options.port ?? 0, options.host ?? LOCAL_HOST);
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  const baseUrl = `http://${host}:${port}`;
  const issuerTemplate = `${baseUrl}/{tenantid}/v2.0`;
  const issuerFor = (tenantId: string): string => issuerTemplate.replace('{tenantid}', tenantId);
  const audience = options.audience ?? DEFAULT_AUDIENCE;
  const lifetimeSeconds = options.tokenLifetimeSeconds ?? DEFAULT_TOKEN_LIFETIME_SECONDS;
  const issuer = createTokenIssuer({ key, issuerFor, audience, lifetimeSeconds });
  const ctx: IdentityContext = { baseUrl, audience, lifetimeSeconds, issuer, codes: new AuthorizationCodeStore(), refreshTokens: new RefreshTokenStore() };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    route(req, res, ctx, key).catch((error: unknown) => {
      console.error('identity stand-in: request failed', error);
      if (!res.headersSent) sendJson(res, 500, { error: 'server_error', error_description: 'The identity stand-in failed; see its log.' });
      else res.destroy();
    });
  });

  return {
    baseUrl,
    audience,
    jwksUri: `${baseUrl}/discovery/v2.0/keys`,
    issuerTemplate,
    issuerFor,
    issueToken(username, tokenOptions = {}) {
      const user = findDemoUser(username);
      if (user === undefined) return Promise.reject(new Error(`No demo user "${username}"`));
      const scopes = tokenOptions.scopes ?? [...API_SCOPES];
      return issuer.accessToken({ ...tokenOptions, user, clientId: 'local-identity', scopes });
    },
    close: () => close(server),
  };
}

async function route(req: IncomingMessage, res: ServerResponse, ctx: IdentityContext, key: SigningKey): Promise<void> {
  const url = new URL(req.url ?? '/', ctx.baseUrl);
  if (req.method === 'OPTIONS') {
    res.writeHead(204, CORS_HEADERS).end();
    return;
  }
  const segments = url.pathname.split('/').filter((segment) => segment !== '');
  const [first = '', ...rest] = segments;
  const tail = rest.join('/');
  if ((first === 'discovery' && tail === 'v2.0/keys') || tail === 'discovery/v2.0/keys') {
    sendJson(res, 200, { keys: [key.publicJwk] }, { 'Cache-Control': 'public, max-age=3600' });
    return;
  }
  const endpoint = { 'v2.0/.well-known/openid-configuration': 'metadata', 'oauth2/v2.0/authorize': 'authorize', 'oauth2/v2.0/token': 'token', 'oauth2/v2.0/logout': 'logout' }[tail];
  if (segments.length === 0 || endpoint === undefined) {
    sendJson(res, 404, { error: 'not_found', error_description: `No endpoint at ${url.pathname}.` });
    return;
  }
  const scope = resolveTenantScope(first);
  if (scope.kind === 'unknown') {
    if (endpoint === 'authorize' || endpoint === 'logout') sendHtml(res, 400, renderMessagePage('Unknown tenant', scope.message));
    else sendJson(res, 400, { error: 'invalid_tenant', error_description: scope.message });
    return;
  }
  await dispatch(endpoint, req, res, url, scope, ctx);
}

async function dispatch(endpoint: string, req: IncomingMessage, res: ServerResponse, url: URL, scope: TenantScope, ctx: IdentityContext): Promise<void> {
  if (endpoint === 'metadata') sendJson(res, 200, openIdConfiguration(ctx.baseUrl, scope));
  else if (endpoint === 'authorize') await handleAuthorize(req, res, url, scope, ctx);
  else if (endpoint === 'logout') handleLogout(res, url);
  else await handleToken(req, res, scope, ctx);
}


function close(server: ReturnType<typeof createServer>): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // Browsers and keep-alive clients hold sockets open; close must not wait for them.
    server.closeAllConnections();
  });
}
