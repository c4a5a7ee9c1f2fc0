/**
 * The local Functions host: serves the project's function table at http://HOST:PORT/api, runs
 * its timers on their NCRONTAB schedules, feeds its change-feed handlers by polling `_ts`, and
 * drains its storage queues into its queue handlers — the jobs the Azure Functions host does.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Database } from '@azure/cosmos';
import { InvocationContext, type LogLevel } from '@azure/functions';
import type { FunctionTable, HttpFunction } from '../../functions/function-table.types';
import { CONTAINERS } from '../../functions/infra/cosmos/containers';
import { listen } from '../net/listen';
import { startChangeFeedPoller } from './change-feed-poller';
import { BodyTooLargeError, readBody, toFunctionsRequest, writeFunctionsResponse } from './http-bridge';
import { startQueueDrainer } from './queue-drainer';
import { RouteMatcher } from './route-matcher';
import { startTimers } from './timer-scheduler';

export interface DevHostOptions {
  table: FunctionTable;
  port?: number;
  host?: string;
  /** Where change-feed handlers read from; omit to not run them. */
  database?: Database;
  /** Storage for the queue handlers; omit to not drain queues. */
  storageConnectionString?: string;
  runTimers?: boolean;
  changeFeedPollMs?: number;
  queuePollMs?: number;
  /** Origins allowed by CORS, as Azure's platform CORS setting does for the add-ins. */
  corsOrigins?: string[];
  log?: (level: LogLevel, functionName: string, message: string) => void;
}

export interface DevHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** What the log shows of a thrown value or a logged argument: an error's stack, anything else as text. */
function logText(value: unknown): string {
  return value instanceof Error ? value.stack ?? value.message : String(value);
}

function contextFor(functionName: string, log: DevHostOptions['log']): InvocationContext {
  return new InvocationContext({
    invocationId: randomUUID(),
    functionName,
    logHandler: (level, ...args) => log?.(level, functionName, args.map(logText).join(' ')),
  });
}

function corsHeaders(request: IncomingMessage, origins: string[]): Record<string, string> {
  const origin = request.headers.origin;
  if (!origin || !(origins.includes(origin) || origins.includes('*'))) return {};
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Headers': 'Authorization, Content-Type, If-Match, Idempotency-Key',
    'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE',
    'Access-Control-Expose-Headers': 'ETag, Location, Retry-After',
    'Access-Control-Max-Age': '600',
    Vary: 'Origin',
  };
}

async function serveHttp(matcher: RouteMatcher<HttpFunction>, options: DevHostOptions, baseUrl: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const cors = corsHeaders(request, options.corsOrigins ?? []);
  const url = new URL(request.url ?? '/', baseUrl);
  if (request.method === 'OPTIONS' && request.headers['access-control-request-method']) {
    response.writeHead(204, cors).end();
    return;
  }
  if (!url.pathname.startsWith('/api/') && url.pathname !== '/api') {
    response.writeHead(404, { 'Content-Type': 'text/plain' }).end('The API is under /api (see /api/openapi.json).\n');
    return;
  }
  const matched = matcher.match(url.pathname.slice('/api'.length));
  if (!matched) {
    response.writeHead(404).end();
    return;
  }
  let body: Buffer;
  try {
    body = await readBody(request);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    response.writeHead(413, { 'Content-Type': 'text/plain', Connection: 'close' }).end('Request body too large.\n');
    return;
  }
  const functionsRequest = toFunctionsRequest(request, body, baseUrl, matched.params);
  const result = await matched.target.handler(functionsRequest, contextFor(matched.target.name, options.log));
  await writeFunctionsResponse(result, response, cors);
}

export async function startDevHost(options: DevHostOptions): Promise<DevHost> {
  const matcher = new RouteMatcher(options.table.http.map((fn) => ({ template: fn.route, target: fn })));
  const host = options.host ?? '127.0.0.1';
  let baseUrl = '';
  const server = createServer((request, response) => {
    serveHttp(matcher, options, baseUrl, request, response).catch((error: unknown) => {
      options.log?.('error', 'dev-host', logText(error));
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain' });
      response.end('The dev host failed to serve this request; see its log.\n');
    });
  });
  server.keepAliveTimeout = 5000;
  await listen(server, options.port ?? 0, host);
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  const stops = startBackgroundWork(options);
  return {
    url: `${baseUrl}/api`,
    port,
    async close() {
      await Promise.all(stops.map((stop) => stop()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function startBackgroundWork(options: DevHostOptions): Array<() => Promise<void>> {
  const { table, log } = options;
  const stops: Array<() => Promise<void>> = [];
  const report = (name: string, error: unknown) => log?.('error', name, logText(error));
  if (options.runTimers) {
    const byName = new Map(table.timers.map((timer) => [timer.name, timer]));
    const timers = startTimers(
      table.timers.map(({ name, schedule, runOnStartup }) => ({ name, schedule, runOnStartup })),
      async (name, info) => byName.get(name)?.handler({ ...info, schedule: { adjustForDST: false } }, contextFor(name, log)),
      { onError: report },
    );
    stops.push(async () => timers.stop());
  }
  if (options.database && table.changeFeeds.length) {
    const database = options.database;
    const poller = startChangeFeedPoller(
      table.changeFeeds.map((fn) => ({ name: fn.name, container: database.container(fn.containerName), handle: (documents) => fn.handler(documents, contextFor(fn.name, log)) })),
      { leases: database.container(CONTAINERS.leases), pollIntervalMs: options.changeFeedPollMs, onError: report },
    );
    stops.push(() => poller.stop());
  }
  if (options.storageConnectionString && table.queues.length) {
    const byQueue = new Map(table.queues.map((fn) => [fn.queueName, fn]));
    const drainer = startQueueDrainer(
      options.storageConnectionString,
      [...byQueue.keys()],
      async (queueName, message) => {
        const fn = byQueue.get(queueName);
        if (fn) await fn.handler(message, contextFor(fn.name, log));
      },
      { pollIntervalMs: options.queuePollMs, onError: report },
    );
    stops.push(() => drainer.stop());
  }
  return stops;
}
