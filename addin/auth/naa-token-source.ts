/**
 * Production sign-in: MSAL nested app authentication. Outlook (the host) is signed in already and
 * hands the pane tokens for our API without a prompt; a popup appears only when consent or MFA
 * is needed. MSAL is loaded on first use (its own chunk), and caches in memory only.
 */
import type { IPublicClientApplication } from '@azure/msal-browser';
import type * as Msal from '@azure/msal-browser';
import type { NaaAuthConfig } from '../config';
import type { TokenSource } from './session';

/** How MSAL is loaded: a lazy chunk in the pane, bundled in the on-send runtime (which cannot load chunks). */
export type MsalLoader = () => Promise<typeof Msal>;

export class NaaTokenSource implements TokenSource {
  private app: Promise<IPublicClientApplication> | null = null;
  /** After a 401 the cached token is not accepted: the next silent request skips the cache. */
  private forceRefresh = false;

  constructor(
    private readonly config: NaaAuthConfig,
    private readonly loadMsal: MsalLoader,
  ) {}

  private client(): Promise<IPublicClientApplication> {
    this.app ??= this.loadMsal().then((msal) =>
      msal.createNestablePublicClientApplication({
        auth: { clientId: this.config.clientId, authority: this.config.authority },
        cache: { cacheLocation: 'memoryStorage' },
      }),
    );
    return this.app;
  }

  async silentToken(): Promise<string | null> {
    const app = await this.client();
    const account = app.getActiveAccount() ?? app.getAllAccounts()[0];
    try {
      const result = await app.acquireTokenSilent({ scopes: [this.config.scope], forceRefresh: this.forceRefresh, ...(account ? { account } : {}) });
      this.forceRefresh = false;
      if (result.account) app.setActiveAccount(result.account);
      return result.accessToken;
    } catch {
      return null;
    }
  }

  async interactiveToken(): Promise<string> {
    const app = await this.client();
    const result = await app.acquireTokenPopup({ scopes: [this.config.scope] });
    if (result.account) app.setActiveAccount(result.account);
    return result.accessToken;
  }

  invalidate(): void {
    this.forceRefresh = true;
  }

  async signOut(): Promise<void> {
    const app = await this.client();
    app.setActiveAccount(null);
  }
}
