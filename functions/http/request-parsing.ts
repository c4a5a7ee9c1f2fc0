/** Turns the untrusted parts of a request into typed values, or a 400 naming each bad field. */
import type { HttpRequest } from '@azure/functions';
import type { z } from 'zod';
import { AppError, type FieldIssue } from '../../shared/domain/errors';

export function issuesOf(error: z.ZodError, prefix: string): FieldIssue[] {
  return error.issues.flatMap((issue) => {
    const base = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: [base, key].filter(Boolean).join('.'), message: 'is not a known field' }));
    }
    return [{ field: base, message: issue.message }];
  });
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown, where: 'body' | 'query' | 'path'): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = issuesOf(result.error, '');
  const fields = [...new Set(issues.map((issue) => issue.field || where))].join(', ');
  throw new AppError('VALIDATION', `Check ${fields}: ${issues[0]?.message ?? 'invalid'}.`, { issues });
}

/** Query strings: a repeated parameter is ambiguous, so it is refused rather than guessed. */
export function queryObject(request: HttpRequest): Record<string, string> {
  const out: Record<string, string> = {};
  const issues: FieldIssue[] = [];
  for (const key of new Set(request.query.keys())) {
    const values = request.query.getAll(key);
    if (values.length > 1) issues.push({ field: key, message: 'must be given once' });
    out[key] = values[0] ?? '';
  }
  if (issues.length) throw new AppError('VALIDATION', 'A query parameter is repeated.', { issues });
  return out;
}

export async function readJsonBody(request: HttpRequest, maxBytes: number): Promise<unknown> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^application\/([a-z.+-]*\+)?json\s*(;|$)/i.test(contentType)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as JSON with Content-Type: application/json.');
  }
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const bytes = Buffer.from(await request.arrayBuffer());
  if (bytes.length > maxBytes) throw tooLarge(maxBytes);
  if (bytes.length === 0) throw new AppError('VALIDATION', 'The request body is empty; send a JSON object.', { issues: [{ field: '', message: 'is required' }] });
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'malformed';
    throw new AppError('VALIDATION', `The body is not valid JSON (${reason}).`, { issues: [{ field: '', message: 'is not valid JSON' }], cause: error });
  }
}

function tooLarge(maxBytes: number): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', `The body is larger than ${Math.round(maxBytes / 1024)} KiB.`);
}
