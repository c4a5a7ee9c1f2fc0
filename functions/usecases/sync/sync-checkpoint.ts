/** The sync checkpoint: per entity, the last (store timestamp, id) the client has received. Opaque to clients. */
import { AppError } from '../../../shared/domain/errors';
import type { SyncPosition } from '../../../shared/domain/record';

export type Checkpoint = Partial<Record<string, SyncPosition>>;

export function encodeCheckpoint(checkpoint: Checkpoint): string {
  return Buffer.from(JSON.stringify({ v: 1, p: checkpoint }), 'utf8').toString('base64url');
}

export function decodeCheckpoint(token: string | undefined): Checkpoint {
  if (token === undefined) return {};
  const invalid = () =>
    new AppError('VALIDATION', 'The checkpoint is not one this API returned; start a full sync without `since`.', {
      issues: [{ field: 'since', message: 'is not a checkpoint this API returned' }],
    });
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const candidate = parsed as { v?: unknown; p?: unknown };
  if (candidate?.v !== 1 || typeof candidate.p !== 'object' || candidate.p === null) throw invalid();
  const checkpoint: Checkpoint = {};
  for (const [entity, position] of Object.entries(candidate.p as Record<string, unknown>)) {
    const { ts, id } = (position ?? {}) as { ts?: unknown; id?: unknown };
    if (typeof ts !== 'number' || !Number.isInteger(ts) || ts < 0 || typeof id !== 'string') throw invalid();
    checkpoint[entity] = { ts, id };
  }
  return checkpoint;
}
