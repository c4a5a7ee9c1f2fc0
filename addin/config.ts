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

/** Set by webpack (DefinePlugin): the configuration of the build, for runtimes without a page. */
declare const CRM_BUILD_CONFIG: unknown;

/**
 * The page's configuration block; where there is no page (classic Outlook on Windows runs the
 * on-send handler in a JavaScript-only runtime) the build's own configuration, made absolute.
 */
export function readConfig(doc: Document | undefined = typeof document === 'undefined' ? undefined : document): AddinConfig {
  const element = doc?.getElementById('crm-config');
  if (element) return parseConfig(JSON.parse(element.textContent?.trim() || 'null'));
  const built = typeof CRM_BUILD_CONFIG === 'undefined' ? null : CRM_BUILD_CONFIG;
  const config = parseConfig(built);
  const base = isRecord(built) && typeof built.baseUrl === 'string' ? built.baseUrl : undefined;
  return base ? absoluteConfig(config, base) : config;
}

/** Relative addresses resolved against the add-in's host: a page-less runtime has no location. */
export function absoluteConfig(config: AddinConfig, baseUrl: string): AddinConfig {
  const absolute = (url: string) => new URL(url, baseUrl).href.replace(/\/+$/, '');
  const auth = config.auth.mode === 'local' ? { ...config.auth, tokenUrl: absolute(config.auth.tokenUrl), authorizeUrl: absolute(config.auth.authorizeUrl) } : config.auth;
  return { apiBaseUrl: absolute(config.apiBaseUrl), auth };
}
