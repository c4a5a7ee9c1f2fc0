/**
 * Production sign-in: MSAL nested app authentication. Outlook (the host) is signed in already and
 * hands the pane tokens for our API without a prompt; a popup appears only when consent or MFA
 * is needed. MSAL is loaded on first use (its own chunk), and caches in memory only.
 */
import type { IPublicClientApplication } from '@azure/msal-browser';
import type { NaaAuthConfig } from '../config';
import type { TokenSource } from './session';

export class NaaTokenSource implements TokenSource {
  private app: Promise<IPublicClientApplication> | null = null;

  constructor(private readonly config: NaaAuthConfig) {}

  private client(): Promise<IPublicClientApplication> {
    this.app ??= import(/* webpackChunkName: "msal" */ '@azure/msal-browser').then((msal) =>
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
      const result = await app.acquireTokenSilent({ scopes: [this.config.scope], ...(account ? { account } : {}) });
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
    // MSAL renews by itself once the cached token is refused; nothing is stored outside memory.
  }

  async signOut(): Promise<void> {
    const app = await this.client();
    app.setActiveAccount(null);
  }
}
