/**
 * A quick look at Blob and Queue storage for /api/health: one request to each service, no retries,
 * a short timeout. It reports, it never throws.
 */
import { BlobServiceClient } from '@azure/storage-blob';
import { QueueServiceClient } from '@azure/storage-queue';

export interface StorageHealth {
  ok: boolean;
  detail: string;
}

const DEFAULT_TIMEOUT_MS = 2000;

function reason(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const { statusCode, code, message } = error as Record<string, unknown>;
    const parts = [statusCode, code].filter((part) => part !== undefined).map(String);
    if (parts.length > 0) return parts.join(' ');
    if (typeof message === 'string') return message;
  }
  return String(error);
}

async function probe(name: string, request: (signal: AbortSignal) => Promise<unknown>, timeoutMs: number): Promise<string | null> {
  try {
    await request(AbortSignal.timeout(timeoutMs));
    return null;
  } catch (error) {
    return `${name}: ${reason(error)}`;
  }
}

export async function checkStorage(connectionString: string, options: { timeoutMs?: number } = {}): Promise<StorageHealth> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const pipeline = { retryOptions: { maxTries: 1, tryTimeoutInMs: timeoutMs } };
  let blob: BlobServiceClient;
  let queue: QueueServiceClient;
  try {
    blob = BlobServiceClient.fromConnectionString(connectionString, pipeline);
    queue = QueueServiceClient.fromConnectionString(connectionString, pipeline);
  } catch (error) {
    return { ok: false, detail: `invalid storage connection string: ${reason(error)}` };
  }
  const problems = await Promise.all([
    probe('blob', (abortSignal) => blob.getProperties({ abortSignal }), timeoutMs),
    probe('queue', (abortSignal) => queue.getProperties({ abortSignal }), timeoutMs),
  ]);
  const failed = problems.filter((problem): problem is string => problem !== null);
  return failed.length === 0 ? { ok: true, detail: 'blob and queue reachable' } : { ok: false, detail: failed.join('; ') };
}
