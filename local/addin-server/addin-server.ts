/**
 * The local add-in server: Office loads add-in pages only over https, so the built panes
 * (`dist/addin` at `/`) and the Outlook preview (`dist/preview` at `/preview/`) are served with a
 * self-signed certificate kept across restarts, and the Functions API and the identity stand-in
 * are reached through the same origin (`/api/*`, `/identity/*`).
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { promises as fs } from 'node:fs';
import { loadOrCreateCertificate } from '../cosmos/certificate';
import type { PreviewSamples } from '../office-preview/preview-types';
import { hasPreviewCookie, inlineJson, PREVIEW_SET_COOKIE, rewriteHtml } from './html-rewrite';
import { proxyRequest, type ProxyTarget } from './reverse-proxy';
import { acceptsGzip, cacheControlOf, contentTypeOf, EncodedCache, resolveFile } from './static-files';
import { listen } from '../net/listen';

export interface AddinServerOptions {
  /** 0 = any free port. */
  port: number;
  host: string;
  /** The built add-in pages (dist/addin), served at `/`. */
  distDir: string;
  /** The built preview (dist/preview), served at `/preview/`. */
  previewDir: string;
  /** e.g. http://127.0.0.1:7071/api */
  apiUrl: string;
  /** e.g. http://127.0.0.1:7072 */
  identityUrl: string;
  /** Where cert.pem and key.pem persist, e.g. .data/addin-server. */
  certDir: string;
  /** The pane's runtime configuration, put into `<script id="crm-config">` of every page. */
  config: Record<string, unknown>;
  samples: PreviewSamples;
}

export interface AddinServer {
  /** https://localhost:<port> */
  url: string;
  port: number;
  close(): Promise<void>;
}

const PREVIEW_PAGE = '/preview/outlook.html';

interface Context {
  options: AddinServerOptions;
  api: ProxyTarget;
  identity: ProxyTarget;
  agents: { http: http.Agent; https: https.Agent };
  cache: EncodedCache;
}

function notFound(res: ServerResponse, urlPath: string, ctx: Context): void {
  const safe = urlPath.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
  const page = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Not found</title><h1>Not found</h1><p>Nothing is served at <code>${safe}</code>.</p><p>Add-in pages come from <code>${ctx.options.distDir}</code> and the preview from <code>${ctx.options.previewDir}</code>: build them with <code>npm run build</code>. The Outlook preview is at <a href="${PREVIEW_PAGE}">${PREVIEW_PAGE}</a>.</p></html>`;
  res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(page), 'Cache-Control': 'no-store' });
  res.end(page);
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { Location: location, 'Cache-Control': 'no-store' }).end();
}

async function serveFile(req: IncomingMessage, res: ServerResponse, ctx: Context, root: string, rest: string, urlPath: string): Promise<void> {
  const resolved = await resolveFile(root, rest);
  if (resolved.kind === 'bad-request') {
    res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('The path is not valid URL encoding.\n');
    return;
  }
  if (resolved.kind === 'missing') {
    if (urlPath === '/') return redirect(res, PREVIEW_PAGE); // no add-in home page: the preview is the way in
    return notFound(res, urlPath, ctx);
  }
  const contentType = contentTypeOf(resolved.file);
  const html = contentType.startsWith('text/html');
  const preview = html && hasPreviewCookie(req.headers.cookie);
  const encoded = await ctx.cache.get(resolved, preview ? 'preview' : 'plain', (raw) =>
    html ? Buffer.from(rewriteHtml(raw.toString('utf8'), { config: ctx.options.config, preview })) : raw,
  );
  const gzip = encoded.gzip && acceptsGzip(req.headers['accept-encoding']) ? encoded.gzip : undefined;
  const body = gzip ?? encoded.raw;
  const headers: Record<string, string | string[]> = {
    'Content-Type': contentType,
    'Content-Length': String(body.length),
    'Cache-Control': html ? 'no-cache' : cacheControlOf(resolved.file),
    'X-Content-Type-Options': 'nosniff',
  };
  if (encoded.gzip) headers.Vary = html ? 'Accept-Encoding, Cookie' : 'Accept-Encoding';
  else if (html) headers.Vary = 'Cookie';
  if (gzip) headers['Content-Encoding'] = 'gzip';
  if (urlPath === PREVIEW_PAGE) headers['Set-Cookie'] = PREVIEW_SET_COOKIE;
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

function sendJson(res: ServerResponse, value: unknown): void {
  const body = inlineJson(value);
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store' });
  res.end(body);
}

function mounted(urlPath: string, mount: string): boolean {
  return urlPath === mount || urlPath.startsWith(`${mount}/`);
}

async function route(req: IncomingMessage, res: ServerResponse, ctx: Context): Promise<void> {
  const target = req.url ?? '/';
  const urlPath = target.split('?')[0] ?? '/';
  for (const proxy of [ctx.api, ctx.identity]) {
    if (mounted(urlPath, proxy.mount)) return proxyRequest(req, res, proxy, target.slice(proxy.mount.length), ctx.agents);
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('Only GET and HEAD are served here.\n');
    return;
  }
  if (urlPath === '/preview/samples.json') return sendJson(res, ctx.options.samples);
  if (urlPath === '/preview' || urlPath === '/preview/') return redirect(res, PREVIEW_PAGE);
  if (mounted(urlPath, '/preview')) return serveFile(req, res, ctx, ctx.options.previewDir, urlPath.slice('/preview/'.length), urlPath);
  return serveFile(req, res, ctx, ctx.options.distDir, urlPath.slice(1), urlPath);
}


export async function startAddinServer(options: AddinServerOptions): Promise<AddinServer> {
  await fs.mkdir(options.certDir, { recursive: true });
  const certificate = await loadOrCreateCertificate(options.certDir);
  const ctx: Context = {
    options,
    api: { service: 'Functions API', base: new URL(options.apiUrl), mount: '/api' },
    identity: { service: 'identity stand-in', base: new URL(options.identityUrl), mount: '/identity', rewritePagePaths: true },
    agents: { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) },
    cache: new EncodedCache(),
  };
  const server = https.createServer({ cert: certificate.certPem, key: certificate.keyPem }, (req, res) => {
    route(req, res, ctx).catch((error: unknown) => {
      console.error('Add-in server:', error);
      if (res.headersSent) res.destroy();
      else res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end('The add-in server failed; see its log.\n');
    });
  });
  await listen(server, options.port, options.host);
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://localhost:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Browsers hold keep-alive sockets; closing must not wait for them.
        server.closeAllConnections();
        ctx.agents.http.destroy();
        ctx.agents.https.destroy();
      }),
  };
}
