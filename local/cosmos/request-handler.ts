/**
 * Our replacement for the library's request handler (not exported by it), using its routes and
 * route handlers unchanged. It adds what the library lacks:
 *  - the SDK's query-plan request is answered at once with `{}`: the SDK only needs a plan when
 *    the gateway rejects a query, and the library would run the whole query a second time;
 *  - each request runs in a scope that carries the journal and the requested partition;
 *  - no response leaves before every change made so far is on disk, so nothing a client has
 *    seen — its own write or someone else's — can be lost by a crash.
 * The response headers mirror the library's.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Account from '@vercel/cosmosdb-server/lib/account';
import routes from '@vercel/cosmosdb-server/lib/routes';
import { partitionFilterFrom, requestScope, type Journal } from './request-scope';

export interface DurableJournal extends Journal {
  whenDurable(): Promise<void>;
}

type RouteHandler = (account: Account, req: IncomingMessage, res: ServerResponse, params: unknown) => unknown;
type ResponseBody = Record<string, unknown> | unknown[] | undefined;

const QUERY_METRICS =
  'totalExecutionTimeInMs=0.00;queryCompileTimeInMs=0.00;queryLogicalPlanBuildTimeInMs=0.00;queryPhysicalPlanBuildTimeInMs=0.00;' +
  'queryOptimizationTimeInMs=0.00;VMExecutionTimeInMs=0.00;indexLookupTimeInMs=0.00;documentLoadTimeInMs=0.00;' +
  'systemFunctionExecuteTimeInMs=0.00;userFunctionExecuteTimeInMs=0.00;retrievedDocumentCount=0;retrievedDocumentSize=0;' +
  'outputDocumentCount=1;outputDocumentSize=0;writeOutputTimeInMs=0.00;indexUtilizationRatio=0.00';

export function createRequestHandler(account: Account, journal?: DurableJournal): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(account, journal, req, res).then(
      (body) => send(req, res, body),
      (error: unknown) => send(req, res, failure(res, error)),
    );
  };
}

async function handle(account: Account, journal: DurableJournal | undefined, req: IncomingMessage, res: ServerResponse): Promise<ResponseBody> {
  if (isTrue(req.headers['x-ms-cosmos-is-query-plan-request'])) return {};
  const route = routes(req) as [unknown, RouteHandler] | undefined;
  if (!route) {
    res.statusCode = 400;
    return { message: 'no route' };
  }
  const [params, routeHandler] = route;
  const scope = { journal, partition: partitionFilterFrom(req.headers['x-ms-documentdb-partitionkey']) };
  let body: ResponseBody;
  try {
    body = (await requestScope.run(scope, () => routeHandler(account, req, res, params))) as ResponseBody;
  } catch (error) {
    body = failure(res, error);
  }
  await journal?.whenDurable();
  return body;
}

function failure(res: ServerResponse, error: unknown): ResponseBody {
  res.statusCode = 500;
  const causes: string[] = [];
  for (let e: unknown = error; e instanceof Error; e = e.cause) causes.push(e.message);
  return { code: 'InternalServerError', message: causes.join(': ') || String(error) };
}

function send(req: IncomingMessage, res: ServerResponse, body: ResponseBody): void {
  if (res.headersSent) return;
  if (res.statusCode > 399 && body && !Array.isArray(body) && !body.message) body.message = '';
  if (body && !Array.isArray(body) && typeof body._etag === 'string') res.setHeader('etag', body._etag);
  res.setHeader('content-type', 'application/json');
  res.setHeader('content-location', `https://${req.headers.host ?? ''}${req.url ?? ''}`);
  res.setHeader('x-ms-activity-id', randomUUID());
  res.setHeader('x-ms-request-charge', '1');
  if (req.headers['x-ms-documentdb-populatequerymetrics']) res.setHeader('x-ms-documentdb-query-metrics', QUERY_METRICS);
  if (req.headers['a-im'] && res.statusCode === 200) {
    // The library's answer to change-feed reads: "nothing new" once the client has seen a page.
    if (req.headers['if-none-match']) res.statusCode = 304;
    res.setHeader('etag', '1');
  }
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

function isTrue(header: string | string[] | undefined): boolean {
  const values = Array.isArray(header) ? header : [header];
  return values.some((value) => value?.toLowerCase() === 'true');
}
