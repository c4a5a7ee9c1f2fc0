/** Entry of the Outlook task pane. */
import { createRoot } from 'react-dom/client';
import { LocalTokenSource } from '../auth/local-token-source';
import { NaaTokenSource } from '../auth/naa-token-source';
import type { TokenSource } from '../auth/session';
import { readConfig, type AddinConfig } from '../config';
import { translator, languageOf } from '../i18n/i18n';
import { openDialogForMessage } from '../office/dialog';
import { officeReady } from '../office/office-async';
import { mailboxOwner } from '../office/mail-item';
import { officeOutlookHost } from '../office/office-outlook-host';
import { App } from './App';

function tokenSource(config: AddinConfig): TokenSource {
  if (config.auth.mode === 'naa') return new NaaTokenSource(config.auth, () => import(/* webpackChunkName: "msal" */ '@azure/msal-browser'));
  return new LocalTokenSource(config.auth, (url) => openDialogForMessage(url), sessionStorage, location.origin, () => mailboxOwner()?.email);
}

function plainMessage(root: HTMLElement, text: string): void {
  const paragraph = document.createElement('p');
  paragraph.setAttribute('role', 'alert');
  paragraph.style.cssText = 'font-family: "Segoe UI", system-ui, sans-serif; margin: 16px;';
  paragraph.textContent = text;
  root.replaceChildren(paragraph);
}

async function main(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) return;
  let config: AddinConfig;
  try {
    config = readConfig();
  } catch (error) {
    plainMessage(root, error instanceof Error ? error.message : String(error));
    return;
  }
  if (!(await officeReady())) {
    plainMessage(root, translator(languageOf(navigator.language))('app.outsideOffice'));
    return;
  }
  createRoot(root).render(<App host={officeOutlookHost} tokens={tokenSource(config)} apiBaseUrl={config.apiBaseUrl} />);
}

void main();
