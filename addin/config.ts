/**
 * The pane's runtime configuration, read from `<script id="crm-config" type="application/json">`
 * in its HTML: written at build time for a deployment, replaced by the local add-in server with
 * the addresses of the running stack.
 */
export interface LocalAuthConfig {
  mode: 'local';
  /** The identity stand-in's authorize endpoint (opened in a dialog). */
  authorizeUrl: string;
  /** Its token endpoint, reached through the add-in server (same origin). */
  tokenUrl: string;
  clientId: string;
  scope: string;
}

export interface NaaAuthConfig {
  mode: 'naa';
  clientId: string;
  authority: string;
  scope: string;
}

export interface AddinConfig {
  apiBaseUrl: string;
  auth: LocalAuthConfig | NaaAuthConfig;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function text(source: Record<string, unknown>, key: string): string {
  const value = source[key];
  if (typeof value !== 'string' || value === '') throw new Error(`The add-in configuration lacks "${key}".`);
  return value;
}

export function parseConfig(raw: unknown): AddinConfig {
  if (!isRecord(raw) || !isRecord(raw.auth)) throw new Error('The add-in configuration is missing; rebuild the add-in or restart npm start.');
  const auth = raw.auth;
  const mode = auth.mode;
  const scope = text(auth, 'scope');
  const clientId = text(auth, 'clientId');
  const apiBaseUrl = text(raw, 'apiBaseUrl').replace(/\/+$/, '');
  if (mode === 'local') return { apiBaseUrl, auth: { mode, scope, clientId, authorizeUrl: text(auth, 'authorizeUrl'), tokenUrl: text(auth, 'tokenUrl') } };
  if (mode === 'naa') return { apiBaseUrl, auth: { mode, scope, clientId, authority: text(auth, 'authority') } };
  throw new Error(`Unknown sign-in mode "${String(mode)}".`);
}

export function readConfig(doc: Document = document): AddinConfig {
  const element = doc.getElementById('crm-config');
  return parseConfig(JSON.parse(element?.textContent?.trim() || 'null'));
}
