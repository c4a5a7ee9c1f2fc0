import { randomUUID } from 'node:crypto';
import type { Container, ItemDefinition } from '@azure/cosmos';
import { AppError } from '../../../shared/domain/errors';
import type { IdempotencyClaim, IdempotencyStore, StoredResponse } from '../../http/idempotency';
import { statusCodeOf, toAppError } from './cosmos-errors';
import { partitionKeyOf } from './containers';

interface IdempotencyDocument extends ItemDefinition {
  id: string;
  tenantId: string;
  fingerprint: string;
  state: 'pending' | 'done';
  /** Identifies the request that claimed the key, so only it completes the record. */
  token: string;
  claimedAt: number;
  response?: StoredResponse;
  ttl: number;
}

/** Records live a day, like the retry window of clients; Azure deletes them by `ttl`. */
const TTL_SECONDS = 24 * 60 * 60;
/** A claim older than this was left by a crashed request and may be taken over. */
const STALE_CLAIM_MS = 60_000;

export class CosmosIdempotencyStore implements IdempotencyStore {
  constructor(private readonly container: Container) {}

  async claim(tenantId: string, recordId: string, fingerprint: string): Promise<IdempotencyClaim> {
    const token = randomUUID();
    const document: IdempotencyDocument = { id: recordId, tenantId, fingerprint, state: 'pending', token, claimedAt: Date.now(), ttl: TTL_SECONDS };
    try {
      await this.container.items.create(document);
      return { state: 'claimed', token };
    } catch (error) {
      if (statusCodeOf(error) !== 409) throw toAppError(error, 'claiming an idempotency key');
    }
    const existing = await this.read(tenantId, recordId);
    if (!existing) return this.claim(tenantId, recordId, fingerprint); // released meanwhile
    if (existing.fingerprint !== fingerprint) {
      throw new AppError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different request. Use a new key for a new request.');
    }
    if (existing.state === 'done' && existing.response) return { state: 'replay', response: existing.response };
    if (Date.now() - existing.claimedAt < STALE_CLAIM_MS) {
      throw new AppError('CONFLICT', 'A request with this Idempotency-Key is still being processed; retry in a moment.', { headers: { 'Retry-After': '1' } });
    }
    return this.takeOver(existing, token);
  }

  async complete(tenantId: string, recordId: string, token: string, response: StoredResponse): Promise<void> {
    const existing = await this.read(tenantId, recordId);
    if (!existing || existing.token !== token) return; // taken over after we stalled: the new owner answers
    const done: IdempotencyDocument = { ...existing, state: 'done', response };
    try {
      await this.container.item(recordId, partitionKeyOf(tenantId)).replace(done, { accessCondition: { type: 'IfMatch', condition: existing._etag ?? '' } });
    } catch (error) {
      throw toAppError(error, 'recording an idempotent response');
    }
  }

  async release(tenantId: string, recordId: string): Promise<void> {
    try {
      await this.container.item(recordId, partitionKeyOf(tenantId)).delete();
    } catch (error) {
      if (statusCodeOf(error) !== 404) throw toAppError(error, 'releasing an idempotency key');
    }
  }

  private async takeOver(existing: IdempotencyDocument, token: string): Promise<IdempotencyClaim> {
    try {
      await this.container
        .item(existing.id, partitionKeyOf(existing.tenantId))
        .replace({ ...existing, token, claimedAt: Date.now() }, { accessCondition: { type: 'IfMatch', condition: existing._etag ?? '' } });
      return { state: 'claimed', token };
    } catch (error) {
      if (statusCodeOf(error) === 412) throw new AppError('CONFLICT', 'A request with this Idempotency-Key is being processed; retry in a moment.', { headers: { 'Retry-After': '1' } });
      throw toAppError(error, 'taking over an idempotency key');
    }
  }

  private async read(tenantId: string, recordId: string): Promise<IdempotencyDocument | undefined> {
    try {
      const { resource } = await this.container.item(recordId, partitionKeyOf(tenantId)).read<IdempotencyDocument>();
      return resource?.tenantId === tenantId ? resource : undefined;
    } catch (error) {
      if (statusCodeOf(error) === 404) return undefined;
      throw toAppError(error, 'reading an idempotency key');
    }
  }
}
