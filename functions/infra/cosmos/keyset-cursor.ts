/**
 * Continuation tokens for keyset paging: the last sort key seen, bound to the filter it was
 * issued for, so a token replayed with other filters is refused instead of skipping records.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/domain/errors';

interface Cursor {
  v: 1;
  after: string;
  filter: string;
}

export function filterFingerprint(filter: unknown): string {
  return createHash('sha256').update(JSON.stringify(filter ?? {})).digest('base64url').slice(0, 12);
}

export function encodeCursor(after: string, fingerprint: string): string {
  const cursor: Cursor = { v: 1, after, filter: fingerprint };
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

export function decodeCursor(token: string | undefined, fingerprint: string): string | undefined {
  if (token === undefined) return undefined;
  const invalid = new AppError('VALIDATION', 'The continuation token is not valid for this list.', {
    issues: [{ field: 'continuation', message: 'is not a token this list returned with these filters' }],
  });
  let cursor: unknown;
  try {
    cursor = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch (error) {
    throw new AppError(invalid.code, invalid.message, { issues: invalid.issues, cause: error });
  }
  const candidate = cursor as Partial<Cursor> | null;
  if (!candidate || candidate.v !== 1 || typeof candidate.after !== 'string' || candidate.filter !== fingerprint) throw invalid;
  return candidate.after;
}
