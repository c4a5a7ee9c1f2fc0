/**
 * The local add-in server over real TLS sockets: static files (types, caching, gzip, 404, no way
 * out of the folder), the pane's config in its HTML, Office.js swapped for the stand-in only with
 * the preview cookie, and the same-origin proxy to the API and the identity stand-in.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { TLSSocket } from 'node:tls';
import { gunzipSync } from 'node:zlib';
import { startAddinServer, type AddinServer, type AddinServerOptions } from '../../local/addin-server/addin-server';
import type { PreviewSamples } from '../../local/office-preview/preview-types';

const OFFICE_TAG = '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>';
const STANDIN_TAG = '<script src="/preview/office-standin.js"></script>';
const TASKPANE = `<!doctype html><html><head>${OFFICE_TAG}<script id="crm-config" type="application/json">{"apiBaseUrl":"REPLACE ME"}</script></head><body>pane</body></html>`;
const BUNDLE = `/* app */\n${'console.log("a fairly long bundle line");\n'.repeat(200)}`;
const CONFIG = { apiBaseUrl: '/api', note: '</script><script>alert(1)</script>', price: '$&' };
const SAMPLES: PreviewSamples = {
  mailbox: { displayName: 'Priya Raman', emailAddress: 'priya.raman@contoso.example', timeZone: 'Europe/London' },
  items: [{ id: 'msg-known', label: 'Hello', kind: 'message-read', subject: 'Hello', to: [], cc: [], body: 'Hi', itemId: 'AAMk1', dateTimeCreated: '2026-01-01T10:00:00.000Z' }],
};

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** sha256 of the server's certificate. */
  certificate: string | undefined;
}

let scratch: string;
let server: AddinServer;
let options: AddinServerOptions;
let ca: string;
const upstreams: http.Server[] = [];
const apiCalls: Received[] = [];
const identityCalls: Received[] = [];
/** A server that is neither target: nothing may ever reach it through the add-in server. */
const otherCalls: Received[] = [];
let otherHost: string;

/** A fake service on a free port that records each request and answers with `respond`. */
async function fakeService(calls: Received[], respond: (call: Received, res: http.ServerResponse) => void): Promise<string> {
  const service = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const call = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      calls.push(call);
      respond(call, res);
    });
  });
  await new Promise<void>((resolve) => service.listen(0, '127.0.0.1', resolve));
  upstreams.push(service);
  return `http://127.0.0.1:${(service.address() as AddressInfo).port}`;
}

/** A raw HTTPS request: the path is sent exactly as written (no URL normalisation by a client). */
function request(target: AddinServer, method: string, rawPath: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = https.request({ host: '127.0.0.1', port: target.port, servername: 'localhost', ca, method, path: rawPath, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const raw = res.socket instanceof TLSSocket ? res.socket.getPeerCertificate().raw : undefined;
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), certificate: raw && createHash('sha256').update(raw).digest('hex') });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const get = (rawPath: string, headers: Record<string, string> = {}) => request(server, 'GET', rawPath, headers);

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'addin-server-'));
  const distDir = path.join(scratch, 'dist', 'addin');
  const previewDir = path.join(scratch, 'dist', 'preview');
  await mkdir(path.join(distDir, 'outlook'), { recursive: true });
  await mkdir(previewDir, { recursive: true });
  await writeFile(path.join(distDir, 'outlook', 'taskpane.html'), TASKPANE);
  await writeFile(path.join(distDir, 'outlook.0123456789abcdef0123.js'), BUNDLE);
  await writeFile(path.join(distDir, 'manifest.xml'), '<?xml version="1.0"?><OfficeApp/>');
  await writeFile(path.join(previewDir, 'outlook.html'), '<!doctype html><title>Outlook preview</title>');
  await writeFile(path.join(previewDir, 'office-standin.js'), 'window.Office = {};');
  await writeFile(path.join(scratch, 'secret.txt'), 'TOP SECRET');
  await writeFile(path.join(scratch, 'dist', 'secret.txt'), 'TOP SECRET');

  const apiUrl = await fakeService(apiCalls, (call, res) => {
    res.writeHead(call.method === 'DELETE' ? 204 : 201, { 'Content-Type': 'application/json', ETag: '"v2"', Location: '/api/contacts/42', 'X-Upstream': 'functions', 'Set-Cookie': 'upstream=api; Path=/' });
    res.end(call.method === 'DELETE' ? undefined : JSON.stringify({ id: '42', echoed: call.body }));
  });
  const identityUrl = await fakeService(identityCalls, (call, res) => {
    if (call.method === 'POST') res.writeHead(302, { Location: '/organizations/oauth2/v2.0/authorize?step=2', 'Set-Cookie': 'upstream=identity; Path=/' }).end();
    else res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Set-Cookie': 'upstream=identity; Path=/' }).end('<form method="post" action="/organizations/oauth2/v2.0/authorize?x=1"><a href="https://elsewhere.example/">x</a></form>');
  });
  otherHost = new URL(await fakeService(otherCalls, (_call, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<script>steal()</script>'))).host;
  options = { port: 0, host: '127.0.0.1', distDir, previewDir, apiUrl: `${apiUrl}/api`, identityUrl, certDir: path.join(scratch, 'certs'), config: CONFIG, samples: SAMPLES };
  server = await startAddinServer(options);
  ca = await readFile(path.join(options.certDir, 'cert.pem'), 'utf8');
});

afterAll(async () => {
  await server?.close();
  await Promise.all(upstreams.map((service) => new Promise<void>((resolve) => service.close(() => resolve()))));
  await rm(scratch, { recursive: true, force: true });
});

describe('add-in server: static files', () => {
  it('answers over TLS with a certificate for localhost and 127.0.0.1, kept across restarts', async () => {
    expect(server.url).toBe(`https://localhost:${server.port}`);
    const names = new X509Certificate(ca).subjectAltName ?? '';
    expect(names).toContain('DNS:localhost');
    expect(names).toContain('IP Address:127.0.0.1');
    const first = await get('/manifest.xml');
    expect(first.certificate).toMatch(/^[0-9a-f]{64}$/);
    const again = await startAddinServer(options);
    try {
      expect((await request(again, 'GET', '/manifest.xml')).certificate).toBe(first.certificate);
    } finally {
      await again.close();
    }
  });

  it('serves each file with its content type and cache policy', async () => {
    const page = await get('/outlook/taskpane.html');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-cache');
    const bundle = await get('/outlook.0123456789abcdef0123.js');
    expect(bundle.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(bundle.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(bundle.body.toString('utf8')).toBe(BUNDLE);
    const manifest = await get('/manifest.xml');
    expect(manifest.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(manifest.headers['cache-control']).toBe('no-cache');
    expect((await get('/preview/office-standin.js')).body.toString('utf8')).toBe('window.Office = {};');
  });

  it('gzips for clients that accept it, and only for them', async () => {
    const zipped = await get('/outlook.0123456789abcdef0123.js', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toContain('Accept-Encoding');
    expect(zipped.body.length).toBeLessThan(BUNDLE.length / 4);
    expect(gunzipSync(zipped.body).toString('utf8')).toBe(BUNDLE);
    const again = await get('/outlook.0123456789abcdef0123.js', { 'Accept-Encoding': 'gzip' });
    expect(again.body.equals(zipped.body)).toBe(true);
    const plain = await get('/outlook.0123456789abcdef0123.js', { 'Accept-Encoding': 'gzip;q=0, identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(BUNDLE);
  });

  it('answers 404 with a page for what is not there, and never leaves the folder', async () => {
    const missing = await get('/outlook/nothing-here.js');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toContain('text/html');
    expect(missing.body.toString('utf8')).toContain('npm run build');
    const attempts = ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/outlook/..%2f..%2f..%2fsecret.txt', '/outlook/..%5c..%5csecret.txt', '/preview/..%2f..%2fsecret.txt', '/preview/%2e%2e%2f%2e%2e%2fsecret.txt', `/${encodeURIComponent(path.join(scratch, 'secret.txt'))}`];
    for (const attempt of attempts) {
      const answer = await get(attempt);
      expect({ attempt, status: answer.status }).toEqual({ attempt, status: 404 });
      expect(answer.body.toString('utf8')).not.toContain('TOP SECRET');
    }
    expect((await get('/%E0%A4%A')).status).toBe(400);
  });

  it('sends the preview from / and refuses writes to files', async () => {
    const home = await get('/');
    expect(home.status).toBe(302);
    expect(home.headers.location).toBe('/preview/outlook.html');
    expect((await request(server, 'POST', '/outlook/taskpane.html', {}, 'x')).status).toBe(405);
  });

  it('publishes the sample mailbox', async () => {
    const answer = await get('/preview/samples.json');
    expect(answer.headers['content-type']).toContain('application/json');
    expect(JSON.parse(answer.body.toString('utf8'))).toEqual(SAMPLES);
  });
});

describe('add-in server: HTML rewriting', () => {
  it('puts the runtime config into the crm-config script, unable to close it', async () => {
    const html = (await get('/outlook/taskpane.html')).body.toString('utf8');
    const inline = /<script id="crm-config" type="application\/json">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(inline).not.toContain('<');
    expect(JSON.parse(inline)).toEqual(CONFIG);
    expect(html).not.toContain('REPLACE ME');
  });

  it('keeps Microsoft Office.js without the preview cookie, as a sideloaded add-in gets it', async () => {
    const html = (await get('/outlook/taskpane.html', { Cookie: 'theme=dark' })).body.toString('utf8');
    expect(html).toContain(OFFICE_TAG);
    expect(html).not.toContain(STANDIN_TAG);
  });

  it('sets the preview cookie with the preview page, and then serves the stand-in instead', async () => {
    const preview = await get('/preview/outlook.html');
    expect(preview.status).toBe(200);
    expect(preview.headers['set-cookie']).toEqual(['office-preview=1; Path=/; Secure; SameSite=Strict']);
    expect((await get('/outlook/taskpane.html')).headers['set-cookie']).toBeUndefined();
    const html = (await get('/outlook/taskpane.html', { Cookie: 'a=b; office-preview=1', 'Accept-Encoding': 'gzip' })).body;
    const text = gunzipSync(html).toString('utf8');
    expect(text).toContain(STANDIN_TAG);
    expect(text).not.toContain('appsforoffice.microsoft.com');
    expect(JSON.parse(/<script id="crm-config"[^>]*>([\s\S]*?)<\/script>/.exec(text)?.[1] ?? '')).toEqual(CONFIG);
  });
});

describe('add-in server: proxy', () => {
  it('passes method, path, query, headers and body to the API, and its answer back', async () => {
    apiCalls.length = 0;
    const body = JSON.stringify({ lastName: 'Andersen', emails: [{ address: 'olivia@northwind.example' }] });
    const headers = { Authorization: 'Bearer abc.def', 'If-Match': '"v1"', 'Idempotency-Key': 'key-1', 'Content-Type': 'application/json' };
    const answer = await request(server, 'PATCH', '/api/contacts/42?expand=account&x=%20y', headers, body);
    expect(answer.status).toBe(201);
    expect(answer.headers.etag).toBe('"v2"');
    expect(answer.headers.location).toBe('/api/contacts/42');
    expect(answer.headers['x-upstream']).toBe('functions');
    expect(JSON.parse(answer.body.toString('utf8'))).toEqual({ id: '42', echoed: body });
    const [call] = apiCalls;
    expect(call?.method).toBe('PATCH');
    expect(call?.url).toBe('/api/contacts/42?expand=account&x=%20y');
    expect(call?.headers.authorization).toBe('Bearer abc.def');
    expect(call?.headers['if-match']).toBe('"v1"');
    expect(call?.headers['idempotency-key']).toBe('key-1');
    expect(call?.body).toBe(body);
    const deleted = await request(server, 'DELETE', '/api/contacts/42', { 'If-Match': '"v2"' });
    expect(deleted.status).toBe(204);
    expect(apiCalls[1]?.method).toBe('DELETE');
  });

  it('reaches the identity stand-in below /identity, keeping its pages and redirects behind the proxy', async () => {
    identityCalls.length = 0;
    const page = await get('/identity/organizations/oauth2/v2.0/authorize?client_id=c');
    expect(identityCalls[0]?.url).toBe('/organizations/oauth2/v2.0/authorize?client_id=c');
    const html = page.body.toString('utf8');
    expect(html).toContain('action="/identity/organizations/oauth2/v2.0/authorize?x=1"');
    expect(html).toContain('href="https://elsewhere.example/"');
    const posted = await request(server, 'POST', '/identity/organizations/oauth2/v2.0/token', { 'Content-Type': 'application/x-www-form-urlencoded' }, 'grant_type=password&username=rep1');
    expect(identityCalls[1]?.body).toBe('grant_type=password&username=rep1');
    expect(posted.status).toBe(302);
    expect(posted.headers.location).toBe('/identity/organizations/oauth2/v2.0/authorize?step=2');
  });

  it('answers 502 naming the service that is down and how to start it', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const down = await startAddinServer({ ...options, apiUrl: `http://127.0.0.1:${port}/api`, identityUrl: `http://127.0.0.1:${port}` });
    try {
      for (const [pathname, service] of [['/api/contacts', 'Functions API'], ['/identity/common/v2.0/.well-known/openid-configuration', 'identity stand-in']]) {
        const answer = await request(down, 'GET', pathname ?? '');
        expect(answer.status).toBe(502);
        expect(answer.headers['content-type']).toBe('application/problem+json');
        const problem: unknown = JSON.parse(answer.body.toString('utf8'));
        expect(problem).toMatchObject({ status: 502, service, detail: expect.stringContaining('npm start') });
      }
    } finally {
      await down.close();
    }
  });
});

describe('add-in server: the proxy is not an open proxy', () => {
  const sent = { Authorization: 'Bearer secret.token', 'Content-Type': 'application/json' };

  async function expectRefused(rawPath: string, reason: string | RegExp, method = 'GET'): Promise<void> {
    apiCalls.length = 0;
    identityCalls.length = 0;
    otherCalls.length = 0;
    const answer = await request(server, method, rawPath, sent, method === 'GET' ? undefined : '{"x":1}');
    expect({ rawPath, status: answer.status, type: answer.headers['content-type'] }).toEqual({ rawPath, status: 400, type: 'application/problem+json' });
    const problem = JSON.parse(answer.body.toString('utf8')) as { code?: string; detail?: string };
    expect(problem.code).toBe('PROXY_PATH_REFUSED');
    expect(problem.detail).toMatch(reason);
    expect(answer.body.toString('utf8')).not.toContain('steal()');
    expect({ rawPath, api: apiCalls.length, identity: identityCalls.length, other: otherCalls.length }).toEqual({ rawPath, api: 0, identity: 0, other: 0 });
  }

  it('refuses a path naming another host ("//host", "\\host") under both mounts, and the other server gets nothing', async () => {
    for (const mount of ['/identity', '/api']) {
      await expectRefused(`${mount}//${otherHost}/steal`, /"\/\/" names another host/);
      await expectRefused(`${mount}//${otherHost}/steal`, /another host/, 'POST');
      await expectRefused(`${mount}/\\${otherHost}/steal`, /backslash/);
      await expectRefused(`${mount}/%5c${otherHost}/steal`, /encoded backslash/);
    }
  });

  it('refuses ".." and "." segments, raw or percent-encoded, and backslashes', async () => {
    const attempts: [string, RegExp][] = [
      ['/api/../x', /"\.\." segments/],
      ['/api/../admin/x', /"\.\." segments/],
      ['/api/%2e%2e/x', /percent-encoded/],
      ['/api/%2e%2e/admin', /percent-encoded/],
      ['/api/%2E%2E%2Fx', /percent-encoded/],
      ['/api/.%2E/x', /percent-encoded/],
      ['/api/a/..%2f..%2fx', /percent-encoded/],
      ['/api/%252e%252e/x', /percent-encoded/],
      ['/api/./x', /"\." or/],
      ['/api/contacts/..', /"\.\." segments/],
      ['/api/a\\..\\x', /backslash/],
      ['/api/a%5c..%5cx', /encoded backslash/],
      ['/api/a%5C..%5Cx', /encoded backslash/],
      ['/api/a%00b', /control characters/],
      ['/api/a%0d%0aX-Injected:%201', /control characters/],
      ['/api/%E0%A4%A', /not valid URL encoding/],
      ['/identity/../x', /"\.\." segments/],
      ['/identity/%2e%2e/x', /percent-encoded/],
    ];
    for (const [attempt, reason] of attempts) await expectRefused(attempt, reason);
    // The connection is still usable after a refusal with a body.
    await expectRefused('/api/../x', /segments/, 'POST');
    expect((await get('/api/contacts/1')).status).toBe(201);
  });

  it('still forwards ordinary paths with encoded characters, and dots in the query, exactly as sent', async () => {
    const paths = ['/api/contacts/a%20b', '/api/contacts/rep%40contoso.example', '/api/contacts/a%2Fb', '/api/contacts/v1.2/.well-known', '/api/search?q=..%2F..%2Fx&next=//elsewhere.example', '/api'];
    for (const rawPath of paths) {
      apiCalls.length = 0;
      const answer = await get(rawPath, sent);
      expect({ rawPath, status: answer.status }).toEqual({ rawPath, status: 201 });
      expect(apiCalls.map((call) => call.url)).toEqual([rawPath]);
    }
    identityCalls.length = 0;
    expect((await get('/identity/common/v2.0/.well-known/openid-configuration')).status).toBe(200);
    expect(identityCalls.map((call) => call.url)).toEqual(['/common/v2.0/.well-known/openid-configuration']);
    expect(otherCalls).toEqual([]);
  });

  it('forwards the request headers the services need, but not the pane\'s cookies nor forged forwarding headers', async () => {
    apiCalls.length = 0;
    const headers = {
      ...sent,
      Accept: 'application/json',
      'If-Match': '"v1"',
      'Idempotency-Key': 'key-2',
      Cookie: 'office-preview=1; other=secret',
      Forwarded: 'for=6.6.6.6;host=evil.example',
      'X-Forwarded-Prefix': '/evil',
      Connection: 'keep-alive, X-Hop',
      'X-Hop': 'only-to-the-proxy',
    };
    await request(server, 'PUT', '/api/contacts/42', headers, '{}');
    const [call] = apiCalls;
    expect(call?.headers.cookie).toBeUndefined();
    expect(call?.headers.forwarded).toBeUndefined();
    expect(call?.headers['x-forwarded-prefix']).toBeUndefined();
    expect(call?.headers['x-hop']).toBeUndefined();
    expect(call?.headers).toMatchObject({ authorization: 'Bearer secret.token', 'content-type': 'application/json', accept: 'application/json', 'if-match': '"v1"', 'idempotency-key': 'key-2', 'x-forwarded-proto': 'https' });
    identityCalls.length = 0;
    await request(server, 'POST', '/identity/organizations/oauth2/v2.0/token', { Cookie: 'office-preview=1', 'Content-Type': 'application/x-www-form-urlencoded' }, 'grant_type=password');
    expect(identityCalls[0]?.headers.cookie).toBeUndefined();
  });

  it('does not let a service set cookies on the add-in origin', async () => {
    const api = await request(server, 'POST', '/api/contacts', sent, '{}');
    expect(api.status).toBe(201);
    expect(api.headers['set-cookie']).toBeUndefined();
    const page = await get('/identity/organizations/oauth2/v2.0/authorize?client_id=c');
    expect(page.status).toBe(200);
    expect(page.headers['set-cookie']).toBeUndefined();
    const redirected = await request(server, 'POST', '/identity/organizations/oauth2/v2.0/authorize', { 'Content-Type': 'application/x-www-form-urlencoded' }, 'username=rep1');
    expect(redirected.status).toBe(302);
    expect(redirected.headers['set-cookie']).toBeUndefined();
  });
});
