/**
 * Job queues over Azure Queue Storage (Azurite locally, same code).
 *
 * Messages are JSON, then base64. Base64 because the Functions queue trigger decodes base64 by
 * default: the Storage Queues extension 5.x documents "By default messages received from the queue
 * are expected to be Base64-encoded" (host.json `extensions.queues.messageEncoding`, default
 * "base64"); a plain-text message would fail to decode in Azure. `decodeQueueMessage` is the
 * inverse, used by the local dev host's drainer.
 */
import { QueueServiceClient, type QueueClient } from '@azure/storage-queue';
import { AppError } from '../../../shared/domain/errors';
import { STORAGE_RETRY_OPTIONS, toStorageError } from './storage-errors';

export interface JobQueue {
  send(message: unknown, options?: { visibilityDelaySeconds?: number }): Promise<void>;
}

/** The service's limit on a message body, counted after base64 encoding. */
export const MAX_QUEUE_MESSAGE_BYTES = 64 * 1024;
/** The service's limit on an initial visibility delay: 7 days. */
const MAX_VISIBILITY_DELAY_SECONDS = 7 * 24 * 60 * 60;

export function encodeQueueMessage(message: unknown): string {
  const json = JSON.stringify(message);
  if (json === undefined) throw new AppError('INTERNAL', `Queue message is not JSON-serialisable (${typeof message})`);
  return Buffer.from(json, 'utf8').toString('base64');
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * The inverse of `encodeQueueMessage`, read like the Functions host reads a message: base64 is
 * decoded, then JSON is parsed, and text that is not JSON is handed over as a string. Plain JSON
 * (put by tools that do not encode) is accepted too.
 */
export function decodeQueueMessage(text: string): unknown {
  const plain = parseJson(text);
  if (text.length > 0 && BASE64.test(text)) {
    let decoded: string | undefined;
    try {
      decoded = utf8.decode(Buffer.from(text, 'base64'));
    } catch {
      // Not UTF-8 once decoded, so it was not base64 of text.
    }
    if (decoded !== undefined) {
      const parsed = parseJson(decoded);
      if (parsed.ok) return parsed.value;
      if (!plain.ok) return decoded;
    }
  }
  return plain.ok ? plain.value : text;
}

export function queueServiceFromConnectionString(connectionString: string): QueueServiceClient {
  return QueueServiceClient.fromConnectionString(connectionString, { retryOptions: STORAGE_RETRY_OPTIONS });
}

/** Creates the queue on first use only; a failed attempt is retried by the next call. */
export function lazyQueueCreation(client: QueueClient): () => Promise<void> {
  let created: Promise<void> | undefined;
  return () => {
    created ??= client.createIfNotExists().then(
      () => undefined,
      (error: unknown) => {
        created = undefined;
        throw toStorageError(error, `create queue ${client.name}`);
      },
    );
    return created;
  };
}

export function createJobQueue(connectionString: string, queueName: string): JobQueue {
  const client = queueServiceFromConnectionString(connectionString).getQueueClient(queueName);
  const ensureQueue = lazyQueueCreation(client);
  return {
    async send(message, options = {}) {
      const text = encodeQueueMessage(message);
      if (text.length > MAX_QUEUE_MESSAGE_BYTES) {
        throw new AppError(
          'PAYLOAD_TOO_LARGE',
          `Queue message for ${queueName} is ${text.length} bytes encoded; the limit is ${MAX_QUEUE_MESSAGE_BYTES}. Store the payload in a blob and queue its name.`,
        );
      }
      const delay = options.visibilityDelaySeconds ?? 0;
      if (!Number.isInteger(delay) || delay < 0 || delay > MAX_VISIBILITY_DELAY_SECONDS) {
        throw new AppError('INTERNAL', `visibilityDelaySeconds must be a whole number of seconds from 0 to ${MAX_VISIBILITY_DELAY_SECONDS}`);
      }
      await ensureQueue();
      try {
        await client.sendMessage(text, { visibilityTimeout: delay });
      } catch (error) {
        throw toStorageError(error, `send to queue ${queueName}`);
      }
    },
  };
}
