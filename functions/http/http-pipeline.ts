/**
 * The edge every request crosses: method, authentication, parsing and validation, the
 * endpoint's code, then the response validated against its schema (which also strips any field
 * the contract does not declare, so nothing internal leaks). Errors become problem+json here.
 */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import type { Endpoint } from '../../shared/contracts/endpoint';
import { AppError } from '../../shared/domain/errors';
import type { FieldPolicy } from '../../shared/domain/field-security';
import type { Principal } from '../../shared/domain/principal';
import type { AppServices } from '../app-services';
import type { EndpointBinding, EndpointResult } from './endpoint-binding';
import { assertWritableFields, redactBySchema } from './field-redaction';
import { idempotencyKeyOf, idempotencyRecordId, requestFingerprint, toStoredResponse, type IdempotencyStore } from './idempotency';
import { asAppError, problemResponse } from './problem';
import { parseWith, queryObject, readJsonBody } from './request-parsing';

export function toHttpEtag(etag: string): string {
  return etag.startsWith('"') || etag.startsWith('W/') ? etag : `"${etag}"`;
}

export function createRouteHandler(bindings: EndpointBinding[], services: () => Promise<AppServices>) {
  const byMethod = new Map(bindings.map((binding) => [binding.endpoint.method, binding]));
  const allow = [...byMethod.keys()].join(', ');
  return async (request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> => {
    try {
      const binding = byMethod.get(request.method.toUpperCase() as Endpoint['method']);
      if (!binding) {
        throw new AppError('METHOD_NOT_ALLOWED', `This address accepts ${allow}.`, { headers: { Allow: allow } });
      }
      return await serve(binding, request, context, await services());
    } catch (error) {
      const appError = asAppError(error);
      if (appError.code === 'INTERNAL' || appError.code === 'TEMPORARY') {
        context.error(`${request.method} ${new URL(request.url).pathname} failed: ${appError.message}`, appError.cause ?? appError);
      }
      return problemResponse(appError);
    }
  };
}

async function serve(binding: EndpointBinding, request: HttpRequest, context: InvocationContext, services: AppServices): Promise<HttpResponseInit> {
  const { endpoint } = binding;
  const principal = endpoint.auth === 'user' ? await services.authenticate(request.headers.get('authorization') ?? undefined) : undefined;
  const params = endpoint.params ? parseWith(endpoint.params, request.params, 'path') : undefined;
  const query = endpoint.query ? parseWith(endpoint.query, queryObject(request), 'query') : undefined;
  const [policy, scope] = principal ? await Promise.all([services.fieldPolicy(principal), services.accessScope(principal)]) : [undefined, undefined];
  const rawBody = endpoint.body ? await readJsonBody(request, services.config.http.maxBodyBytes) : undefined;
  const body = endpoint.body ? parseWith(endpoint.body, rawBody, 'body') : undefined;
  if (endpoint.body && policy) assertWritableFields(endpoint.body, rawBody, policy);
  const ifMatch = request.headers.get('if-match') ?? undefined;
  const run = async () => toResponse(endpoint, await binding.serve({ principal, scope, params, query, body, ifMatch, services, context }), principal, policy);
  const key = endpoint.method === 'POST' ? idempotencyKeyOf(request.headers.get('idempotency-key')) : undefined;
  if (!key || !principal) return run();
  const fingerprint = requestFingerprint(endpoint.method, new URL(request.url).pathname, { params, query, body });
  return runOnce(services.idempotency, idempotencyRecordId(principal, key), principal.tenantId, fingerprint, run, context);
}

/** Runs the request once per key: a retry gets the first answer, marked as a replay. */
async function runOnce(
  store: IdempotencyStore,
  recordId: string,
  tenantId: string,
  fingerprint: string,
  run: () => Promise<HttpResponseInit>,
  context: InvocationContext,
): Promise<HttpResponseInit> {
  const claim = await store.claim(tenantId, recordId, fingerprint);
  if (claim.state === 'replay') return { ...claim.response, headers: { ...claim.response.headers, 'Idempotent-Replayed': 'true' } };
  let response: HttpResponseInit;
  try {
    response = await run();
  } catch (error) {
    // A failed request may be retried with the same key; if releasing fails, the claim goes stale and is taken over.
    await store.release(tenantId, recordId).catch((releaseError: unknown) => context.warn('Could not release an idempotency key.', releaseError));
    throw error;
  }
  await store.complete(tenantId, recordId, claim.token, toStoredResponse(response));
  return response;
}

function toResponse(endpoint: Endpoint, result: EndpointResult<unknown>, principal: Principal | undefined, policy: FieldPolicy | undefined): HttpResponseInit {
  const status = result.status ?? endpoint.status;
  const headers: Record<string, string> = { 'Cache-Control': principal ? 'private, no-store' : 'no-store', ...result.headers };
  if (result.etag) headers.ETag = toHttpEtag(result.etag);
  if (status === 204 || result.body === undefined) return { status, headers };
  const checked = endpoint.response ? endpoint.response.safeParse(result.body) : { success: true as const, data: result.body };
  if (!checked.success) {
    throw new AppError('INTERNAL', `The ${endpoint.id} response does not match its contract.`, { cause: checked.error });
  }
  const jsonBody = policy && endpoint.response ? redactBySchema(endpoint.response, checked.data, policy) : checked.data;
  return { status, headers, jsonBody };
}
