/**
 * The HTML of the stand-in's sign-in and error pages. No script: one real form whose buttons
 * post the chosen user, so it works with the keyboard, screen readers and browser tests alike.
 */
import type { Role } from '../../shared/domain/principal';
import type { DemoTenant, DemoUser } from './demo-directory';
import { escapeHtml } from './http-kit';

const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  'sales-manager': 'Sales manager',
  'sales-rep': 'Sales rep',
  marketing: 'Marketing',
  'read-only': 'Read-only',
};

const STYLE = `
:root { color-scheme: light dark; --bg: #f5f5f5; --card: #ffffff; --text: #242424; --muted: #5c5c5c;
  --border: #d1d1d1; --accent: #0f6cbd; --focus: #000000; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #1f1f1f; --card: #292929; --text: #ffffff; --muted: #c7c7c7; --border: #666666;
    --accent: #479ef5; --focus: #ffffff; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--text); font: 16px/1.4 "Segoe UI", system-ui, sans-serif; }
main { max-width: 40rem; margin: 2rem auto; padding: 1.5rem; background: var(--card); border: 1px solid var(--border); border-radius: 8px; }
h1 { font-size: 1.5rem; margin-top: 0; }
p { color: var(--muted); }
fieldset { border: 1px solid var(--border); border-radius: 6px; margin: 0 0 1rem; padding: 0.5rem 1rem 1rem; }
legend { font-weight: 600; padding: 0 0.25rem; }
ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.5rem; }
button { width: 100%; text-align: left; font: inherit; color: inherit; background: transparent; cursor: pointer;
  border: 1px solid var(--border); border-radius: 6px; padding: 0.6rem 0.8rem; }
button:hover { border-color: var(--accent); }
button:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-color: var(--accent); }
.name { display: block; font-weight: 600; }
.detail { display: block; color: var(--muted); font-size: 0.9rem; }
.cancel { width: auto; text-align: center; }
code { overflow-wrap: anywhere; }
`;

export interface SignInPageModel {
  /** Where the form posts: the authorize URL with its query, so the request travels with the choice. */
  formAction: string;
  clientId: string;
  redirectOrigin: string;
  tenants: { tenant: DemoTenant; users: DemoUser[] }[];
  loginHint?: string;
}

export function renderSignInPage(model: SignInPageModel): string {
  const groups = model.tenants.map(({ tenant, users }) => renderTenant(tenant, users, model.loginHint)).join('\n');
  return page(
    'Sign in — local identity',
    `<h1>Pick a demo account</h1>
<p>The app <code>${escapeHtml(model.clientId)}</code> at <code>${escapeHtml(model.redirectOrigin)}</code> asks you to sign in.
This is the local identity stand-in: no password, every account is a demo user.</p>
<form method="post" action="${escapeHtml(model.formAction)}">
${groups}
<button class="cancel" type="submit" name="cancel" value="1">Cancel</button>
</form>`,
  );
}

function renderTenant(tenant: DemoTenant, users: DemoUser[], loginHint: string | undefined): string {
  const items = users.map((user) => `<li>${renderUser(user, loginHint)}</li>`).join('\n');
  return `<fieldset><legend>${escapeHtml(tenant.displayName)}</legend>\n<ul>\n${items}\n</ul></fieldset>`;
}

function renderUser(user: DemoUser, loginHint: string | undefined): string {
  const details = [user.roles.map((role) => ROLE_LABELS[role]).join(', ')];
  if (user.team !== undefined) details.push(`team ${user.team}`);
  if (user.managesTeams !== undefined) details.push(`manages ${user.managesTeams.join(' and ')}`);
  const hinted = loginHint !== undefined && [user.username, user.email].includes(loginHint.toLowerCase());
  // autofocus brings the hinted account under the keyboard at once; the page has no script to do it.
  return `<button type="submit" name="username" value="${escapeHtml(user.username)}"${hinted ? ' autofocus' : ''}>
<span class="name">${escapeHtml(user.displayName)}</span>
<span class="detail">${escapeHtml(user.email)}</span>
<span class="detail">${escapeHtml(details.join(' · '))}</span>
</button>`;
}

export function renderMessagePage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(message)}</p>`);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}
