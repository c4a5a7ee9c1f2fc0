/**
 * The sign-in dialog's page. Opened with `?go=<authorize URL>` it goes there (only to the
 * configured identity service); the identity service redirects back here with `?code=…&state=…`,
 * which is handed to the pane and the window closes.
 */
import { readConfig } from '../config';
import { sendToParent } from '../office/dialog';
import { officeReady } from '../office/office-async';

function say(text: string): void {
  const element = document.getElementById('status');
  if (element) element.textContent = text;
}

async function main(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const go = params.get('go');
  if (go) {
    const config = readConfig();
    const allowed = config.auth.mode === 'local' ? new URL(config.auth.authorizeUrl, location.origin).href : '';
    if (!allowed || !go.startsWith(`${allowed}?`)) {
      say('This sign-in link does not lead to the configured sign-in service.');
      return;
    }
    location.replace(go);
    return;
  }
  if (!(await officeReady())) {
    say('Open this page from the add-in.');
    return;
  }
  sendToParent(params.toString());
  say('Signed in. You can close this window.');
}

void main();
