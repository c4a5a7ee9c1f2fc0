/**
 * One table that maps Azure Storage SDK failures to domain error codes, shared by the blob and
 * queue adapters. Throttling, server errors, timeouts and network failures are TEMPORARY (the
 * caller may retry later); anything else is a defect or a misconfiguration (bad credentials, bad
 * names) and becomes INTERNAL.
 */
import type { StorageRetryOptions } from '@azure/storage-queue';
import { AppError } from '../../../shared/domain/errors';

const TRANSIENT_STATUS = new Set([408, 429, 500, 502, 503, 504]);
const TRANSIENT_CODES = new Set([
  'REQUEST_SEND_ERROR', // the SDK's code for "no HTTP response at all"
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ServerBusy',
  'OperationTimedOut',
  'InternalError',
]);

/**
 * Fewer and shorter retries than the SDK default (4 tries, delays up to 2 minutes): a request that
 * waits on storage should fail within seconds and let its own caller decide.
 */
export const STORAGE_RETRY_OPTIONS: StorageRetryOptions = {
  maxTries: 3,
  retryDelayInMs: 500,
  maxRetryDelayInMs: 5000,
  tryTimeoutInMs: 30_000,
};

interface ErrorFields {
  statusCode?: number;
  code?: string;
  name?: string;
}

function fieldsOf(error: unknown): ErrorFields {
  if (typeof error !== 'object' || error === null) return {};
  const { statusCode, code, name } = error as Record<string, unknown>;
  return {
    statusCode: typeof statusCode === 'number' ? statusCode : undefined,
    code: typeof code === 'string' ? code : undefined,
    name: typeof name === 'string' ? name : undefined,
  };
}

/** The HTTP status of an SDK error, if the service answered. */
export function storageStatus(error: unknown): number | undefined {
  return fieldsOf(error).statusCode;
}

export function isTransientStorageError(error: unknown): boolean {
  const { statusCode, code, name } = fieldsOf(error);
  if (name === 'AbortError' || name === 'TimeoutError') return true;
  if (statusCode !== undefined) return TRANSIENT_STATUS.has(statusCode);
  return code !== undefined && TRANSIENT_CODES.has(code);
}

/** Wraps an SDK failure in the domain error; `action` says what was attempted, for the log. */
export function toStorageError(error: unknown, action: string): AppError {
  if (error instanceof AppError) return error;
  const { statusCode, code } = fieldsOf(error);
  const detail = [statusCode, code].filter((part) => part !== undefined).join(' ') || (error instanceof Error ? error.message : String(error));
  if (isTransientStorageError(error)) {
    return new AppError('TEMPORARY', `Storage is unavailable: ${action} failed (${detail})`, {
      cause: error,
      headers: { 'Retry-After': '5' },
    });
  }
  return new AppError('INTERNAL', `Storage request failed: ${action} (${detail})`, { cause: error });
}
