/**
 * Same-origin paths to the local services: the pane (https) calls `/api/*` and `/identity/*` on
 * its own origin, so there is no CORS and no mixed content. Method, headers and body go through
 * as they are (streamed); so do the answer's status, headers and body. A service that does not
 * answer gets a 502 problem naming it.
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
const MAX_REWRITTEN_PAGE = 1024 * 1024;

function endToEnd(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const listed = new Set(String(headers.connection ?? '').split(',').map((name) => name.trim().toLowerCase()));
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name) && !listed.has(name)));
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
  const basePath = target.base.pathname.replace(/\/+$/, '');
  const url = new URL(`${basePath}${rest.startsWith('/') || rest.startsWith('?') || rest === '' ? rest : `/${rest}`}`, target.base.origin);
  const headers = endToEnd(req.headers);
  headers.host = target.base.host;
  headers['x-forwarded-proto'] = 'https';
  headers['x-forwarded-host'] = req.headers.host ?? '';
  headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';
  // Pages we rewrite must arrive as plain text.
  if (target.rewritePagePaths) delete headers['accept-encoding'];
  const client = url.protocol === 'https:' ? https : http;
  const upstreamRequest = client.request(url, { method: req.method, headers, agent: url.protocol === 'https:' ? agents.https : agents.http });

  upstreamRequest.on('response', (upstream) => {
    const answer = endToEnd(upstream.headers);
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
