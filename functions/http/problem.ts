/** The one place where errors become HTTP: RFC 9457 problem details with the offending fields. */
import type { HttpResponseInit } from '@azure/functions';
import { AppError, type ErrorCode } from '../../shared/domain/errors';

const STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IDEMPOTENCY_KEY_REUSED: 422,
  PRECONDITION_REQUIRED: 428,
  TEMPORARY: 503,
  INTERNAL: 500,
};

const TITLE: Record<ErrorCode, string> = {
  VALIDATION: 'The request is not valid',
  UNAUTHENTICATED: 'Sign-in required',
  FORBIDDEN: 'Not allowed',
  NOT_FOUND: 'Not found',
  METHOD_NOT_ALLOWED: 'Method not allowed',
  CONFLICT: 'Already exists',
  PRECONDITION_FAILED: 'Changed by someone else',
  PAYLOAD_TOO_LARGE: 'Request too large',
  UNSUPPORTED_MEDIA_TYPE: 'Unsupported content type',
  IDEMPOTENCY_KEY_REUSED: 'Idempotency key already used',
  PRECONDITION_REQUIRED: 'Version required',
  TEMPORARY: 'Temporarily unavailable',
  INTERNAL: 'Unexpected error',
};

export function statusOf(code: ErrorCode): number {
  return STATUS[code];
}

export function problemResponse(error: AppError): HttpResponseInit {
  const status = STATUS[error.code];
  // A defect's own message may reveal internals; the log has it, the client gets a generic text.
  const detail = error.code === 'INTERNAL' ? 'Something went wrong on our side. Try again; if it persists, contact support.' : error.message;
  return {
    status,
    headers: { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store', ...error.headers },
    body: JSON.stringify({
      type: `https://office-crm.example/problems/${error.code.toLowerCase().replace(/_/g, '-')}`,
      title: TITLE[error.code],
      status,
      detail,
      code: error.code,
      ...(error.issues.length ? { errors: error.issues } : {}),
    }),
  };
}

export function asAppError(error: unknown): AppError {
  return error instanceof AppError ? error : new AppError('INTERNAL', 'Unhandled error.', { cause: error });
}
