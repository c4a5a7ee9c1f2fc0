/**
 * What went wrong with a call, in the terms the pane acts on: each kind has its own message and
 * way forward (sign in again, ask for access, reload and re-apply, retry).
 */
export type ApiErrorKind = 'offline' | 'unreachable' | 'unauthorized' | 'forbidden' | 'not-found' | 'conflict' | 'validation' | 'too-large' | 'server';

export interface FieldIssue {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status: number,
    readonly issues: FieldIssue[] = [],
    readonly traceId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function kindOfStatus(status: number): ApiErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409 || status === 412 || status === 428) return 'conflict';
  if (status === 413) return 'too-large';
  if (status >= 400 && status < 500) return 'validation';
  return 'server';
}

function issuesOf(problem: Record<string, unknown>): FieldIssue[] {
  const list = problem.errors ?? problem.issues;
  if (!Array.isArray(list)) return [];
  return list
    .filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null)
    .map((item) => ({ field: String(item.field ?? item.path ?? ''), message: String(item.message ?? '') }));
}

/** Builds the error from an RFC 9457 problem body (or whatever the server sent). */
export function errorFromResponse(status: number, body: unknown): ApiError {
  const problem = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const detail = typeof problem.detail === 'string' ? problem.detail : typeof problem.title === 'string' ? problem.title : `HTTP ${status}`;
  const traceId = typeof problem.traceId === 'string' ? problem.traceId : undefined;
  return new ApiError(kindOfStatus(status), detail, status, issuesOf(problem), traceId);
}
