/** One table from Cosmos DB failures to the product's error codes. */
import { AppError, type ErrorCode } from '../../../shared/domain/errors';

const BY_STATUS: Record<number, { code: ErrorCode; message: string }> = {
  404: { code: 'NOT_FOUND', message: 'The record does not exist.' },
  409: { code: 'CONFLICT', message: 'A record with this id already exists.' },
  412: { code: 'PRECONDITION_FAILED', message: 'The record was changed by someone else since you read it.' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: 'The record is too large to store.' },
  408: { code: 'TEMPORARY', message: 'The database timed out; try again.' },
  429: { code: 'TEMPORARY', message: 'The database is busy; try again in a moment.' },
  449: { code: 'TEMPORARY', message: 'The database asked to retry the write.' },
  500: { code: 'TEMPORARY', message: 'The database failed; try again.' },
  503: { code: 'TEMPORARY', message: 'The database is unavailable; try again later.' },
};

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_SOCKET']);

function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'number') return code;
  const statusCode = (error as { statusCode?: unknown }).statusCode;
  return typeof statusCode === 'number' ? statusCode : undefined;
}

function networkCodeOf(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function toAppError(error: unknown, context: string): AppError {
  if (error instanceof AppError) return error;
  const status = statusOf(error);
  const known = status === undefined ? undefined : BY_STATUS[status];
  if (known) return new AppError(known.code, known.message, { cause: error, headers: retryAfter(error) });
  if (networkCodeOf(error)) return new AppError('TEMPORARY', 'The database cannot be reached; try again later.', { cause: error });
  return new AppError('INTERNAL', `Unexpected database failure while ${context}.`, { cause: error });
}

function retryAfter(error: unknown): Record<string, string> {
  const ms = (error as { retryAfterInMs?: unknown }).retryAfterInMs;
  return typeof ms === 'number' && ms > 0 ? { 'Retry-After': String(Math.ceil(ms / 1000)) } : {};
}

export function statusCodeOf(error: unknown): number | undefined {
  return statusOf(error);
}
