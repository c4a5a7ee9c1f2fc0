/**
 * `/{tenant}/oauth2/v2.0/authorize`: the authorization code flow with PKCE, as single-page apps
 * and the add-ins use it against Entra ID. GET shows the sign-in page; its form posts back here.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEMO_TENANTS, findDemoUser } from './demo-directory';
import { isInScope, usersInScope, type IdentityContext, type TenantScope } from './context';
import { BadRequestBody, readForm, redirect, sendHtml } from './http-kit';
import { parseScopes, type RequestedScopes } from './scopes';
import { renderMessagePage, renderSignInPage } from './sign-in-page';

interface AuthorizeRequest {
  clientId: string;
  redirectUri: URL;
  scopes: RequestedScopes;
  codeChallenge: string;
  responseMode: 'query' | 'fragment';
  state?: string;
  nonce?: string;
  loginHint?: string;
}

type Parsed = { ok: true; request: AuthorizeRequest } | { ok: false; message: string };

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export async function handleAuthorize(req: IncomingMessage, res: ServerResponse, url: URL, scope: TenantScope, ctx: IdentityContext): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'POST') {
    sendHtml(res, 405, renderMessagePage('Method not allowed', 'Open this page with GET; the sign-in form posts to it.'));
    return;
  }
  const parsed = parseAuthorizeRequest(url.searchParams, ctx.audience);
  if (!parsed.ok) {
    sendHtml(res, 400, renderMessagePage('Sign-in request rejected', parsed.message));
    return;
  }
  const { request } = parsed;
  if (req.method === 'GET') {
    const tenants = DEMO_TENANTS.map((tenant) => ({ tenant, users: usersInScope(scope).filter((user) => user.tenantId === tenant.tenantId) }));
    const html = renderSignInPage({
      formAction: `${url.pathname}${url.search}`,
      clientId: request.clientId,
      redirectOrigin: request.redirectUri.origin,
      tenants: tenants.filter((group) => group.users.length > 0),
      loginHint: request.loginHint,
    });
    sendHtml(res, 200, html);
    return;
  }
  await completeSignIn(req, res, request, scope, ctx);
}

async function completeSignIn(req: IncomingMessage, res: ServerResponse, request: AuthorizeRequest, scope: TenantScope, ctx: IdentityContext): Promise<void> {
  let form: URLSearchParams;
  try {
    form = await readForm(req);
  } catch (error) {
    if (!(error instanceof BadRequestBody)) throw error;
    sendHtml(res, 400, renderMessagePage('Sign-in request rejected', error.message));
    return;
  }
  if (form.has('cancel')) {
    redirect(res, withResponse(request, { error: 'access_denied', error_description: 'The user cancelled the sign-in.' }));
    return;
  }
  const user = findDemoUser(form.get('username') ?? '');
  if (user === undefined || !isInScope(user, scope)) {
    sendHtml(res, 400, renderMessagePage('Unknown account', 'Choose one of the accounts listed on the sign-in page.'));
    return;
  }
  const code = ctx.codes.issue({
    username: user.username,
    clientId: request.clientId,
    scopes: request.scopes,
    redirectUri: request.redirectUri.href,
    codeChallenge: request.codeChallenge,
    nonce: request.nonce,
  });
  redirect(res, withResponse(request, { code }));
}

/** Adds the response parameters where the client asked for them (query by default, as Entra does for code). */
function withResponse(request: AuthorizeRequest, values: Record<string, string>): string {
  const target = new URL(request.redirectUri.href);
  const params = request.responseMode === 'fragment' ? new URLSearchParams() : target.searchParams;
  for (const [name, value] of Object.entries(values)) params.set(name, value);
  if (request.state !== undefined) params.set('state', request.state);
  if (request.responseMode === 'fragment') target.hash = params.toString();
  return target.href;
}

/**
 * The stand-in keeps no sign-in session, so signing out only returns to the app (when it names a
 * loopback address) or says it is done; MSAL's logout navigates here from `end_session_endpoint`.
 */
export function handleLogout(res: ServerResponse, url: URL): void {
  const target = url.searchParams.get('post_logout_redirect_uri');
  if (target === null) {
    sendHtml(res, 200, renderMessagePage('Signed out', 'You are signed out of the local identity stand-in. You can close this window.'));
    return;
  }
  const redirectUri = parseRedirectUri(target);
  if (typeof redirectUri === 'string') sendHtml(res, 400, renderMessagePage('Sign-out request rejected', redirectUri));
  else redirect(res, redirectUri.href);
}

export function parseAuthorizeRequest(params: URLSearchParams, audience: string): Parsed {
  const fail = (message: string): Parsed => ({ ok: false, message });
  const clientId = params.get('client_id');
  if (!clientId) return fail('The client_id parameter is missing.');
  const redirectUri = parseRedirectUri(params.get('redirect_uri'));
  if (typeof redirectUri === 'string') return fail(redirectUri);
  const responseType = params.get('response_type');
  if (responseType !== 'code') return fail(`The response_type must be "code" (the authorization code flow); got "${responseType ?? ''}".`);
  const responseMode = params.get('response_mode') ?? 'query';
  if (responseMode !== 'query' && responseMode !== 'fragment') return fail(`The response_mode must be "query" or "fragment"; got "${responseMode}".`);
  const scopes = parseScopes(params.get('scope') ?? undefined, audience);
  if (!scopes.ok) return fail(scopes.description);
  const codeChallenge = params.get('code_challenge');
  const method = params.get('code_challenge_method');
  if (!codeChallenge) return fail('PKCE is required: send code_challenge and code_challenge_method=S256.');
  if (method !== 'S256') return fail(`The code_challenge_method must be "S256"; got "${method ?? ''}".`);
  if (!/^[A-Za-z0-9_-]{43}$/.test(codeChallenge)) return fail('The code_challenge must be the base64url SHA-256 of the code verifier (43 characters).');
  return {
    ok: true,
    request: {
      clientId,
      redirectUri,
      scopes: scopes.scopes,
      codeChallenge,
      responseMode,
      state: params.get('state') ?? undefined,
      nonce: params.get('nonce') ?? undefined,
      loginHint: params.get('login_hint') ?? undefined,
    },
  };
}

/** Only apps on this machine may receive codes: the stand-in signs anyone in without a password. */
function parseRedirectUri(value: string | null): URL | string {
  if (!value) return 'The redirect_uri parameter is missing.';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `The redirect_uri "${value}" is not an absolute URL.`;
  }
  const loopback = (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTS.has(url.hostname);
  if (!loopback) {
    return `The redirect_uri "${value}" is not a loopback address. The local identity stand-in signs in without a password, so it only sends codes to apps on this machine: http(s)://localhost, 127.0.0.1 or [::1].`;
  }
  if (url.hash !== '') return 'The redirect_uri must not contain a fragment.';
  return url;
}
