/**
 * The Outlook pane: follows the Office theme and language, signs the user in, then shows the
 * screen for the selected item (a message read, a message being written, a meeting) and follows
 * the selection while pinned.
 */
import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { CrmApi } from '../api/crm-api';
import { HttpClient } from '../api/http-client';
import { userOf, type SignedInUser, type TokenSource } from '../auth/session';
import { I18nProvider, languageOf } from '../i18n/i18n';
import type { MailItem } from '../office/mail-item';
import type { OutlookHost } from './outlook-host';
import { PaneServicesProvider } from './pane-services';
import { ItemScreen } from './screens/ItemScreen';
import { SignInScreen } from './screens/SignInScreen';
import { PaneFrame } from './screens/PaneFrame';

export interface AppProps {
  host: OutlookHost;
  tokens: TokenSource;
  apiBaseUrl: string;
}

type AuthState = { status: 'checking' } | { status: 'signed-out'; error?: string } | { status: 'signed-in'; user: SignedInUser };

export function App({ host, tokens, apiBaseUrl }: AppProps) {
  const [appearance, setAppearance] = useState(() => host.appearance());
  const [auth, setAuth] = useState<AuthState>({ status: 'checking' });
  const [item, setItem] = useState<MailItem | null | undefined>(undefined);
  const [itemError, setItemError] = useState<unknown>(null);
  const api = useMemo(() => new CrmApi(new HttpClient(apiBaseUrl, tokens)), [apiBaseUrl, tokens]);

  useEffect(() => host.onAppearanceChanged(() => setAppearance(host.appearance())), [host]);

  useEffect(() => {
    let live = true;
    tokens
      .silentToken()
      .then((token) => live && setAuth(token ? { status: 'signed-in', user: userOf(token) } : { status: 'signed-out' }))
      .catch(() => live && setAuth({ status: 'signed-out' }));
    return () => {
      live = false;
    };
  }, [tokens]);

  useEffect(() => {
    let generation = 0;
    const read = () => {
      const mine = ++generation;
      host
        .readItem()
        .then((next) => {
          if (mine !== generation) return;
          setItemError(null);
          setItem(next);
        })
        .catch((error: unknown) => mine === generation && setItemError(error));
    };
    read();
    const stop = host.onItemChanged(read);
    return () => {
      generation += 1;
      stop();
    };
  }, [host]);

  const signIn = useCallback(() => {
    setAuth({ status: 'checking' });
    tokens
      .interactiveToken()
      .then((token) => setAuth({ status: 'signed-in', user: userOf(token) }))
      .catch((error: unknown) => setAuth({ status: 'signed-out', error: error instanceof Error ? error.message : String(error) }));
  }, [tokens]);

  const signOut = useCallback(() => {
    tokens
      .signOut()
      .then(() => setAuth({ status: 'signed-out' }))
      .catch(() => setAuth({ status: 'signed-out' }));
  }, [tokens]);

  const language = languageOf(appearance.language);
  return (
    <FluentProvider theme={appearance.dark ? webDarkTheme : webLightTheme} style={{ minHeight: '100vh' }} lang={language}>
      <I18nProvider language={language}>
        {auth.status === 'signed-in' ? (
          <PaneServicesProvider value={{ api, host, user: auth.user, signIn }}>
            <PaneFrame user={auth.user} onSignOut={signOut}>
              <ItemScreen item={item} itemError={itemError} />
            </PaneFrame>
          </PaneServicesProvider>
        ) : (
          <SignInScreen busy={auth.status === 'checking'} error={auth.status === 'signed-out' ? auth.error : undefined} onSignIn={signIn} />
        )}
      </I18nProvider>
    </FluentProvider>
  );
}
