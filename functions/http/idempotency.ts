/**
 * Idempotency-Key on POST: a client that retries (offline replay, a lost answer) gets the first
 * answer again instead of a second record. The key is scoped to the caller; the same key with
 * a different request is refused (422); a retry while the first is still running gets 409.
 */
import { createHash } from 'node:crypto';
import type { HttpResponseInit } from '@azure/functions';
import { AppError } from '../../shared/domain/errors';
import type { Principal } from '../../shared/domain/principal';

export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  jsonBody?: unknown;
}

export type IdempotencyClaim = { state: 'claimed'; token: string } | { state: 'replay'; response: StoredResponse };

/** Storage of idempotency records; the Cosmos adapter lives in infra/cosmos. */
export interface IdempotencyStore {
  /** Claims the key for this request, or returns the stored answer; IDEMPOTENCY_KEY_REUSED / CONFLICT otherwise. */
  claim(tenantId: string, recordId: string, fingerprint: string): Promise<IdempotencyClaim>;
  complete(tenantId: string, recordId: string, token: string, response: StoredResponse): Promise<void>;
  release(tenantId: string, recordId: string): Promise<void>;
}

const KEY = /^[\x21-\x7e]{1,200}$/;

export function idempotencyKeyOf(header: string | null): string | undefined {
  if (header === null) return undefined;
  const key = header.trim().replace(/^"(.*)"$/, '$1');
  if (!KEY.test(key)) {
    throw new AppError('VALIDATION', 'The Idempotency-Key header must be 1 to 200 visible ASCII characters.', {
      issues: [{ field: 'Idempotency-Key', message: 'must be 1 to 200 visible ASCII characters' }],
    });
  }
  return key;
}

/** The record is per tenant, user and key: two users may pick the same key without meeting. */
export function idempotencyRecordId(principal: Principal, key: string): string {
  return `idem-${createHash('sha256').update(`${principal.tenantId}\n${principal.userId}\n${key}`).digest('base64url')}`;
}

export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256').update(`${method} ${path}\n${JSON.stringify(body ?? null)}`).digest('base64url');
}

/** Only what a replay must carry: status, the record's headers and its body. */
export function toStoredResponse(response: HttpResponseInit): StoredResponse {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries((response.headers ?? {}) as Record<string, string>)) {
    if (/^(etag|location|content-type)$/i.test(name)) headers[name] = value;
  }
  return { status: response.status ?? 200, headers, ...(response.jsonBody !== undefined ? { jsonBody: response.jsonBody } : {}) };
}
