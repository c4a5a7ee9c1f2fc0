/**
 * The one error type of the product. Every layer throws it with a code; the HTTP edge maps the
 * code to a status and an `application/problem+json` body in one place (functions/http/problem.ts).
 */
export const ERROR_CODES = [
  'VALIDATION', // 400: the request names a field that is wrong
  'UNAUTHENTICATED', // 401: no token, or a token that does not validate
  'FORBIDDEN', // 403: authenticated, but the role does not allow the operation
  'NOT_FOUND', // 404: no such record for this tenant (also for other tenants' records)
  'METHOD_NOT_ALLOWED', // 405
  'CONFLICT', // 409: a record with that identity already exists
  'PRECONDITION_FAILED', // 412: the If-Match ETag is stale
  'PAYLOAD_TOO_LARGE', // 413
  'UNSUPPORTED_MEDIA_TYPE', // 415
  'IDEMPOTENCY_KEY_REUSED', // 422: an Idempotency-Key sent again with a different request
  'PRECONDITION_REQUIRED', // 428: an update without If-Match
  'TEMPORARY', // 503: a dependency is unavailable or throttling; retry later
  'INTERNAL', // 500: a defect
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `emails.1.address`; empty for the whole body. */
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];
  /** Extra headers the edge should send, e.g. `Allow` for 405 or `Retry-After` for 503. */
  readonly headers: Record<string, string>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { issues?: FieldIssue[]; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.issues = options.issues ?? [];
    this.headers = options.headers ?? {};
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
