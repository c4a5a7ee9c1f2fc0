/**
 * Same-origin paths to the local services: the pane (https) calls `/api/*` and `/identity/*` on
 * its own origin, so there is no CORS and no mixed content. Method, end-to-end headers and body go
 * through (streamed); so do the answer's status, headers and body. A service that does not answer
 * gets a 502 problem naming it.
 *
 * It is not an open proxy: a request reaches only its target's origin, below the target's base
 * path. A path that could lead elsewhere once a URL parser or the service decodes it (`//host`,
 * backslashes, `.`/`..` segments raw or percent-encoded, control characters) is refused with a
 * 400 problem before anything is sent. Cookies stay out of it both ways: the pane's cookies belong
 * to this server (the preview switch), and neither service keeps a cookie session.
 */
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';

export interface ProxyTarget {
  /** Named in the 502 problem, e.g. "Functions API". */
  service: string;
  /** Where the mount point leads, e.g. http://127.0.0.1:7071/api. */
  base: URL;
  /** The mount point on this server, e.g. /identity. */
  mount: string;
  /**
   * Pages of this service link to absolute paths of their own (the sign-in form's action,
   * redirects): prefix them with the mount point so the browser stays behind the proxy.
   */
  rewritePagePaths?: boolean;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'proxy-connection']);
/** Request headers withheld from the services: this server's cookies, and forwarding claims the client could forge (we set our own). */
const NOT_FORWARDED = new Set(['cookie', 'forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'x-forwarded-prefix', 'x-real-ip']);
/** Answer headers withheld from the browser: a service must not set cookies on the add-in's origin. */
const NOT_RETURNED = new Set(['set-cookie', 'set-cookie2']);
const MAX_REWRITTEN_PAGE = 1024 * 1024;
/** How many layers of percent-encoding are looked through for a hidden `..` or backslash. */
const DECODE_LAYERS = 3;
// eslint-disable-next-line no-control-regex -- control characters are exactly what it finds
const CONTROL = /[\u0000-\u001f\u007f]/;

function endToEnd(headers: IncomingHttpHeaders, dropped: ReadonlySet<string>): IncomingHttpHeaders {
  const listed = new Set(String(headers.connection ?? '').split(',').map((name) => name.trim().toLowerCase()));
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name) && !listed.has(name) && !dropped.has(name)));
}

/** Why a path after the mount point is refused, or undefined when it is fine. */
function refusalOf(restPath: string): string | undefined {
  if (restPath !== '' && !restPath.startsWith('/')) return 'the path must start with "/"';
  if (restPath.startsWith('//')) return 'a path starting with "//" names another host';
  if (restPath.includes('#')) return 'a path must not contain "#"';
  let layer = restPath;
  for (let depth = 0; depth <= DECODE_LAYERS; depth += 1) {
    if (layer.includes('\\')) return depth === 0 ? 'a path must not contain a backslash' : 'a path must not contain an encoded backslash (%5C)';
    if (CONTROL.test(layer)) return 'a path must not contain control characters';
    // After decoding, an encoded slash (%2F) separates segments too: "..%2f" is a ".." segment.
    if (layer.split('/').some((segment) => segment === '.' || segment === '..')) return depth === 0 ? 'a path must not contain "." or ".." segments' : 'a path must not contain "." or ".." segments, even percent-encoded';
    if (!layer.includes('%')) return undefined;
    try {
      layer = decodeURIComponent(layer);
    } catch {
      // Only the first layer has to be valid encoding; a decoded "%" is just a character.
      return depth === 0 ? 'the path is not valid URL encoding' : undefined;
    }
  }
  return undefined;
}

export type TargetUrl = { ok: true; url: URL } | { ok: false; reason: string };

/**
 * The service URL for `rest`, the request target after the mount point ("/contacts?q=a"), or why
 * it is refused. The result is always on the target's origin, at or below its base path.
 */
export function targetUrlOf(target: ProxyTarget, rest: string): TargetUrl {
  const basePath = target.base.pathname.replace(/\/+$/, '');
  const queryAt = rest.indexOf('?');
  const restPath = queryAt === -1 ? rest : rest.slice(0, queryAt);
  const query = queryAt === -1 ? '' : rest.slice(queryAt);
  const reason = refusalOf(restPath);
  if (reason) return { ok: false, reason };
  if (CONTROL.test(query)) return { ok: false, reason: 'a query must not contain control characters' };
  let url: URL;
  try {
    url = new URL(`${basePath}${restPath}${query}`, target.base.origin);
  } catch {
    return { ok: false, reason: 'the path is not a valid URL' };
  }
  // The checks above should make these hold; they are what keeps this from being an open proxy, so they are checked anyway.
  if (url.origin !== target.base.origin || url.username !== '' || url.password !== '') return { ok: false, reason: `the path leads away from ${target.base.origin}` };
  if (url.pathname !== (basePath || '/') && !url.pathname.startsWith(`${basePath}/`)) return { ok: false, reason: `the path leads outside ${basePath || '/'}` };
  return { ok: true, url };
}

export function sendProblem(res: ServerResponse, status: number, problem: Record<string, unknown>): void {
  const body = JSON.stringify({ status, ...problem });
  res.writeHead(status, { 'Content-Type': 'application/problem+json', 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store' });
  res.end(body);
}

function serviceDown(res: ServerResponse, target: ProxyTarget, error: Error): void {
  const reason = 'code' in error && typeof error.code === 'string' ? error.code : error.message;
  sendProblem(res, 502, {
    type: 'https://office-crm.example/problems/service-down',
    title: `${target.service} is not running`,
    code: 'SERVICE_DOWN',
    service: target.service,
    detail: `The ${target.service} at ${target.base.href} did not answer (${reason}). Start the local services with \`npm start\`, then reload.`,
  });
}

function pathRefused(res: ServerResponse, target: ProxyTarget, rest: string, reason: string): void {
  sendProblem(res, 400, {
    type: 'https://office-crm.example/problems/proxy-path-refused',
    title: 'Path refused by the add-in server',
    code: 'PROXY_PATH_REFUSED',
    service: target.service,
    path: `${target.mount}${rest}`,
    detail: `Not forwarded to the ${target.service}: ${reason}. Only paths below ${target.mount}/ that stay below ${target.base.href} are forwarded.`,
  });
}

function mountedLocation(location: string, target: ProxyTarget): string {
  if (location.startsWith('/') && !location.startsWith('//')) return `${target.mount}${location}`;
  return location.startsWith(target.base.origin + '/') ? `${target.mount}${location.slice(target.base.origin.length)}` : location;
}

/** Buffers a small HTML page and points its absolute-path links back through the mount point. */
function relayRewrittenPage(upstream: IncomingMessage, res: ServerResponse, headers: IncomingHttpHeaders, target: ProxyTarget): void {
  const chunks: Buffer[] = [];
  let size = 0;
  upstream.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_REWRITTEN_PAGE) upstream.destroy(new Error('page too large to rewrite'));
    else chunks.push(chunk);
  });
  upstream.on('end', () => {
    const page = Buffer.concat(chunks).toString('utf8').replace(/\b(action|href|src)=(["'])\/(?!\/)/gi, `$1=$2${target.mount}/`);
    res.writeHead(upstream.statusCode ?? 502, { ...headers, 'content-length': String(Buffer.byteLength(page)) });
    res.end(page);
  });
  upstream.on('error', (error) => res.destroy(error));
}

/** `rest` is the request target after the mount point, query included ("/contacts?q=a"). */
export function proxyRequest(req: IncomingMessage, res: ServerResponse, target: ProxyTarget, rest: string, agents: { http: http.Agent; https: https.Agent }): void {
  const built = targetUrlOf(target, rest);
  if (!built.ok) {
    pathRefused(res, target, rest, built.reason);
    req.resume(); // drain any body, so the connection stays usable
    return;
  }
  const { url } = built;
  const headers = endToEnd(req.headers, NOT_FORWARDED);
  headers.host = target.base.host;
  headers['x-forwarded-proto'] = 'https';
  headers['x-forwarded-host'] = req.headers.host ?? '';
  headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';
  // Pages we rewrite must arrive as plain text.
  if (target.rewritePagePaths) delete headers['accept-encoding'];
  const client = url.protocol === 'https:' ? https : http;
  const upstreamRequest = client.request(url, { method: req.method, headers, agent: url.protocol === 'https:' ? agents.https : agents.http });

  upstreamRequest.on('response', (upstream) => {
    const answer = endToEnd(upstream.headers, NOT_RETURNED);
    if (target.rewritePagePaths && typeof answer.location === 'string') answer.location = mountedLocation(answer.location, target);
    if (target.rewritePagePaths && String(answer['content-type'] ?? '').startsWith('text/html')) {
      relayRewrittenPage(upstream, res, answer, target);
      return;
    }
    res.writeHead(upstream.statusCode ?? 502, upstream.statusMessage, answer);
    upstream.pipe(res);
    upstream.on('error', (error) => res.destroy(error));
  });
  upstreamRequest.on('error', (error) => {
    if (res.headersSent) res.destroy(error);
    else serviceDown(res, target, error);
  });
  // The browser went away: stop the upstream work too.
  res.on('close', () => {
    if (!res.writableFinished) upstreamRequest.destroy();
  });
  req.pipe(upstreamRequest);
}
