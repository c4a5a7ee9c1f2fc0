/**
 * The local Cosmos DB: `@vercel/cosmosdb-server`'s account and routes behind our own HTTPS
 * server, with a certificate we generate, keep-alive, partition-scoped queries, the query-plan
 * shortcut, and (when `dataDir` is set) durable state. See ARCHITECTURE.md for what it cannot do.
 */
import type { RequestListener } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import Account from '@vercel/cosmosdb-server/lib/account';
import { generateCertificate, loadOrCreateCertificate, type ServerCertificate } from './certificate';
import { DurableStore } from './durable-store';
import { createRequestHandler } from './request-handler';
import { installServerHooks } from './request-scope';
import { listen } from '../net/listen';

export interface LocalCosmos {
  endpoint: string;
  key: string;
  caCertPem: string;
  port: number;
  close(): Promise<void>;
}

export interface LocalCosmosOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Where state, certificate and key live; undefined keeps everything in memory (tests). */
  dataDir?: string;
  /** Compact the write-ahead log into a snapshot once it passes this size (default 64 MiB). */
  compactAfterBytes?: number;
}

/**
 * The server checks no signatures, but the SDK signs every request and needs a base64 key to do
 * it. This one is base64 of a plain sentence: it guards nothing and is not a credential.
 */
export const LOCAL_COSMOS_KEY = Buffer.from('local cosmos server: any key is accepted, this one guards nothing').toString('base64');

/** Idle keep-alive sockets stay open this long; well above the SDK's request gaps, and close() ends them anyway. */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;
/** How long close() lets answers already under way reach their clients. */
const CLOSE_GRACE_MS = 2_000;

export async function startLocalCosmos(options: LocalCosmosOptions = {}): Promise<LocalCosmos> {
  const host = options.host ?? '127.0.0.1';
  installServerHooks();
  // The store first: it creates the directory and takes its lock before anything is written there.
  const store = options.dataDir ? await DurableStore.open(options.dataDir, options.compactAfterBytes) : undefined;
  try {
    const certificate: ServerCertificate = options.dataDir
      ? await loadOrCreateCertificate(options.dataDir)
      : await generateCertificate();
    return await serve(host, options.port ?? 0, certificate, store);
  } catch (error) {
    await store?.close();
    throw error;
  }
}

async function serve(host: string, requestedPort: number, certificate: ServerCertificate, store: DurableStore | undefined): Promise<LocalCosmos> {
  const server = https.createServer({ cert: certificate.certPem, key: certificate.keyPem, keepAlive: true });
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.on('request', unavailable);
  const inFlight = trackRequests(server);
  await listen(server, requestedPort, host);
  const { port } = server.address() as AddressInfo;
  const urlHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  // The account advertises its endpoint to the SDK, so it can only be built once the port is known.
  const account = new Account(urlHost, port);
  try {
    await store?.attach(account);
  } catch (error) {
    await closeServer(server);
    throw error;
  }
  const handler = createRequestHandler(account, store);
  server.off('request', unavailable).on('request', handler);
  const close = async (): Promise<void> => {
    server.off('request', handler).on('request', unavailable);
    const stopped = closeServer(server);
    await store?.close(); // answers held for the log are released by this flush
    await inFlight.settled(CLOSE_GRACE_MS);
    // Node keeps a keep-alive socket open after its last answer until keepAliveTimeout; end them now.
    server.closeAllConnections();
    await stopped;
  };
  return { endpoint: `https://${urlHost}:${port}/`, key: LOCAL_COSMOS_KEY, caCertPem: certificate.certPem, port, close };
}

/** Answers requests that arrive before the state is restored or once closing has begun. */
const unavailable: RequestListener = (_req, res) => {
  res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' });
  res.end(JSON.stringify({ code: 'ServiceUnavailable', message: 'the local Cosmos server is starting or stopping' }));
};


function closeServer(server: https.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}

/** Counts requests whose answer has not been sent, so close() can let them finish first. */
function trackRequests(server: https.Server): { settled(maxMs: number): Promise<void> } {
  let active = 0;
  let onIdle: (() => void) | undefined;
  server.on('request', (_req, res) => {
    active += 1;
    res.once('close', () => {
      active -= 1;
      if (active === 0) onIdle?.();
    });
  });
  return {
    settled: (maxMs) =>
      new Promise((resolve) => {
        if (active === 0) return resolve();
        const timer = setTimeout(resolve, maxMs);
        onIdle = () => {
          clearTimeout(timer);
          resolve();
        };
      }),
  };
}
