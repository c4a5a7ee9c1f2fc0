/**
 * Sign-in against the local identity stand-in (authorization code + PKCE in an Office dialog), the
 * way a web app signs in to Entra ID. The access token is kept in memory and in sessionStorage
 * (gone when the pane's window closes, as MSAL does by default); the refresh token in memory only.
 * Nothing goes to localStorage.
 */
import type { LocalAuthConfig } from '../config';
import { challengeOf, randomString } from './pkce';
import { expiryOf, type TokenSource } from './session';

const SESSION_KEY = 'officeCrm.accessToken';
/** Renew a little before expiry, so a request never leaves with a token about to die. */
const EARLY_SECONDS = 120;

export type OpenDialog = (url: string) => Promise<string>;

interface TokenResponse {
  access_token?: unknown;
  refresh_token?: unknown;
  error?: unknown;
  error_description?: unknown;
}

export class LocalTokenSource implements TokenSource {
  private accessToken: string | null = null;
  private refreshToken: string | null = null;

  constructor(
    private readonly config: LocalAuthConfig,
    private readonly openDialog: OpenDialog,
    private readonly storage: Storage | null = typeof sessionStorage === 'undefined' ? null : sessionStorage,
    private readonly origin: string = typeof location === 'undefined' ? '' : location.origin,
    /** The mailbox's address: the sign-in page puts that account first. */
    private readonly loginHint: () => string | undefined = () => undefined,
  ) {
    this.accessToken = this.storage?.getItem(SESSION_KEY) ?? null;
  }

  private fresh(token: string | null): token is string {
    return token !== null && expiryOf(token) - EARLY_SECONDS > Date.now() / 1000;
  }

  private keep(response: TokenResponse): string {
    if (typeof response.access_token !== 'string') {
      throw new Error(typeof response.error_description === 'string' ? response.error_description : 'The sign-in service returned no token.');
    }
    this.accessToken = response.access_token;
    if (typeof response.refresh_token === 'string') this.refreshToken = response.refresh_token;
    this.storage?.setItem(SESSION_KEY, response.access_token);
    return response.access_token;
  }

  private async token(form: Record<string, string>): Promise<TokenResponse> {
    const response = await fetch(this.config.tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: this.config.clientId, ...form }).toString(),
    });
    const body: unknown = await response.json().catch(() => ({}));
    return typeof body === 'object' && body !== null ? (body as TokenResponse) : {};
  }

  async silentToken(): Promise<string | null> {
    if (this.fresh(this.accessToken)) return this.accessToken;
    if (!this.refreshToken) return null;
    const response = await this.token({ grant_type: 'refresh_token', refresh_token: this.refreshToken, scope: this.config.scope }).catch(() => null);
    if (!response || typeof response.access_token !== 'string') {
      this.refreshToken = null;
      return null;
    }
    return this.keep(response);
  }

  async interactiveToken(): Promise<string> {
    const verifier = randomString(48);
    const state = randomString(16);
    const redirectUri = `${this.origin}/auth/dialog.html`;
    const authorize = new URL(this.config.authorizeUrl, this.origin);
    authorize.search = new URLSearchParams({
      client_id: this.config.clientId,
      response_type: 'code',
      redirect_uri: redirectUri,
      scope: this.config.scope,
      state,
      code_challenge: await challengeOf(verifier),
      code_challenge_method: 'S256',
      prompt: 'select_account',
    }).toString();
    const hint = this.loginHint();
    if (hint) authorize.searchParams.set('login_hint', hint);
    const message = await this.openDialog(`${redirectUri}?go=${encodeURIComponent(authorize.toString())}`);
    const reply = new URLSearchParams(message);
    if (reply.get('state') !== state) throw new Error('The sign-in answer did not match the request; try again.');
    const code = reply.get('code');
    if (!code) throw new Error(reply.get('error_description') ?? reply.get('error') ?? 'Sign-in was cancelled.');
    return this.keep(await this.token({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier, scope: this.config.scope }));
  }

  invalidate(): void {
    this.accessToken = null;
    this.storage?.removeItem(SESSION_KEY);
  }

  async signOut(): Promise<void> {
    this.invalidate();
    this.refreshToken = null;
  }
}
