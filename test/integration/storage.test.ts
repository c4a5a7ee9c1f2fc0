/**
 * The blob and queue adapters against a real Azurite (in memory, free ports), over real sockets.
 */
import { QueueServiceClient } from '@azure/storage-queue';
import { startAzurite, azuriteConnectionString, type LocalStorage } from '../../local/azurite/azurite-server';
import { createBlobStore } from '../../functions/infra/storage/blob-store';
import { createJobQueue, decodeQueueMessage, encodeQueueMessage } from '../../functions/infra/storage/queue';
import { checkStorage } from '../../functions/infra/storage/storage-health';
import { AppError } from '../../shared/domain/errors';

/** Endpoints on a port nothing listens on: storage that is down. */
const DOWN = azuriteConnectionString('http://127.0.0.1:9/devstoreaccount1', 'http://127.0.0.1:9/devstoreaccount1');

let storage: LocalStorage;

beforeAll(async () => {
  storage = await startAzurite();
});

afterAll(async () => {
  await storage?.close();
});

async function caught(action: Promise<unknown>): Promise<AppError> {
  try {
    await action;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('blob store', () => {
  it('round-trips bytes and content type, replaces on put, and deletes', async () => {
    const store = createBlobStore(storage.connectionString, 'attachments');
    const bytes = Buffer.from([0, 1, 2, 250, 255, 10, 13]);

    const first = await store.put('tenant-a/contract.pdf', bytes, 'application/pdf');
    expect(first.etag).not.toBe('');
    expect(await store.get('tenant-a/contract.pdf')).toEqual({ data: bytes, contentType: 'application/pdf' });

    const second = await store.put('tenant-a/contract.pdf', Buffer.from('v2'), 'text/plain');
    expect(second.etag).not.toBe(first.etag);
    expect(await store.get('tenant-a/contract.pdf')).toEqual({ data: Buffer.from('v2'), contentType: 'text/plain' });

    await store.delete('tenant-a/contract.pdf');
    expect(await store.get('tenant-a/contract.pdf')).toBeNull();
    await expect(store.delete('tenant-a/contract.pdf')).resolves.toBeUndefined();
  });

  it('answers null for a blob in a container nothing was written to yet', async () => {
    const store = createBlobStore(storage.connectionString, 'never-written');
    expect(await store.get('missing.txt')).toBeNull();
    await expect(store.delete('missing.txt')).resolves.toBeUndefined();
  });

  it('reports storage that is down as TEMPORARY', async () => {
    const error = await caught(createBlobStore(DOWN, 'files').put('a.txt', Buffer.from('a'), 'text/plain'));
    expect(error.code).toBe('TEMPORARY');
    expect(error.cause).toBeDefined();
  });
});

describe('job queue', () => {
  const raw = (queueName: string) => QueueServiceClient.fromConnectionString(storage.connectionString).getQueueClient(queueName);

  it('creates the queue and sends JSON encoded as base64, as the Functions trigger expects', async () => {
    const job = { kind: 'mail-merge', tenantId: 't1', ids: [1, 2, 3], note: 'Grüße ✓' };
    await createJobQueue(storage.connectionString, 'jobs-encoding').send(job);

    const [message] = (await raw('jobs-encoding').receiveMessages()).receivedMessageItems;
    expect(message?.messageText).toBe(Buffer.from(JSON.stringify(job)).toString('base64'));
    expect(decodeQueueMessage(message?.messageText ?? '')).toEqual(job);
  });

  it('delays visibility when asked', async () => {
    await createJobQueue(storage.connectionString, 'jobs-delayed').send({ n: 1 }, { visibilityDelaySeconds: 60 });
    const properties = await raw('jobs-delayed').getProperties();
    expect(properties.approximateMessagesCount).toBe(1);
    expect((await raw('jobs-delayed').receiveMessages()).receivedMessageItems).toHaveLength(0);
  });

  it('refuses a message over the 64 KiB limit before calling the service', async () => {
    const error = await caught(createJobQueue(storage.connectionString, 'jobs-big').send({ blob: 'x'.repeat(60_000) }));
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('reports storage that is down as TEMPORARY', async () => {
    const error = await caught(createJobQueue(DOWN, 'jobs').send({ n: 1 }));
    expect(error.code).toBe('TEMPORARY');
  });
});

describe('decodeQueueMessage', () => {
  it.each([
    ['base64 JSON', encodeQueueMessage({ a: [1, 'b'] }), { a: [1, 'b'] }],
    ['plain JSON object', '{"a":1}', { a: 1 }],
    ['plain JSON number that looks like base64', '1234', 1234],
    ['plain text', 'hello world', 'hello world'],
    ['base64 of plain text', Buffer.from('hello').toString('base64'), 'hello'],
  ])('%s', (_label, text, expected) => {
    expect(decodeQueueMessage(text)).toEqual(expected);
  });
});

describe('storage health', () => {
  it('is ok when blob and queue answer', async () => {
    expect(await checkStorage(storage.connectionString)).toEqual({ ok: true, detail: 'blob and queue reachable' });
  });

  it('reports, without throwing, storage that is down or a bad connection string', async () => {
    const started = Date.now();
    const down = await checkStorage(DOWN, { timeoutMs: 1000 });
    expect(down.ok).toBe(false);
    expect(down.detail).toMatch(/blob: .*; queue: /);
    expect(Date.now() - started).toBeLessThan(1500);

    const garbage = await checkStorage('not a connection string');
    expect(garbage.ok).toBe(false);
    expect(garbage.detail).toMatch(/invalid storage connection string/);
  });
});
