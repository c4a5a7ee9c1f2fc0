/**
 * The project's one table of functions. functions/index.ts registers it with @azure/functions
 * for Azure; the local dev host (local/host) serves the very same table.
 */
import type { HttpHandler, InvocationContext, Timer } from '@azure/functions';

export const ALL_HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

export interface HttpFunction {
  name: string;
  /** Azure Functions route template below /api, e.g. `contacts/{id}`; `{*path}` catches the rest. */
  route: string;
  methods: ReadonlyArray<(typeof ALL_HTTP_METHODS)[number]>;
  handler: HttpHandler;
}

export interface TimerFunction {
  name: string;
  /** NCRONTAB, 6 fields, UTC. */
  schedule: string;
  runOnStartup?: boolean;
  handler: (timer: Timer, context: InvocationContext) => Promise<void>;
}

export interface ChangeFeedFunction {
  name: string;
  containerName: string;
  /** Called with a batch of changed documents (latest version of each); at-least-once. */
  handler: (documents: unknown[], context: InvocationContext) => Promise<void>;
}

export interface QueueFunction {
  name: string;
  queueName: string;
  /** The decoded message; throwing leaves it for a retry, then the poison queue. */
  handler: (message: unknown, context: InvocationContext) => Promise<void>;
}

export interface FunctionTable {
  databaseName: string;
  http: HttpFunction[];
  timers: TimerFunction[];
  changeFeeds: ChangeFeedFunction[];
  queues: QueueFunction[];
}
