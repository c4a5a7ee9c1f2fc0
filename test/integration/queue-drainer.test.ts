/**
 * The dev host's queue drainer against a real Azurite (in memory, free ports).
 */
import { QueueServiceClient } from '@azure/storage-queue';
import { startAzurite, type LocalStorage } from '../../local/azurite/azurite-server';
import { startQueueDrainer, type QueueFailure, type QueueMessageMeta } from '../../local/host/queue-drainer';
import { createJobQueue, decodeQueueMessage } from '../../functions/infra/storage/queue';

let storage: LocalStorage;
const drainers: Array<{ stop(): Promise<void> }> = [];

beforeAll(async () => {
  storage = await startAzurite();
});

afterEach(async () => {
  await Promise.all(drainers.splice(0).map((drainer) => drainer.stop()));
});

afterAll(async () => {
  await storage?.close();
});

function rawQueue(name: string) {
  return QueueServiceClient.fromConnectionString(storage.connectionString).getQueueClient(name);
}

async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The visible messages of a queue, or undefined while it is missing or empty. */
async function peek(name: string) {
  if (!(await rawQueue(name).exists())) return undefined;
  const items = (await rawQueue(name).peekMessages()).peekedMessageItems;
  return items.length > 0 ? items : undefined;
}

async function messageCount(name: string): Promise<number> {
  return (await rawQueue(name).getProperties()).approximateMessagesCount ?? 0;
}

describe('queue drainer', () => {
  it('hands the handler the object that was sent, then deletes the message', async () => {
    const received: Array<{ queue: string; message: unknown; meta: QueueMessageMeta }> = [];
    drainers.push(
      startQueueDrainer(storage.connectionString, ['jobs-roundtrip'], async (queue, message, meta) => {
        received.push({ queue, message, meta });
      }),
    );
    const job = { kind: 'report', tenantId: 't1', when: '2024-03-10T09:30:00.000Z', rows: [1, 2] };
    await createJobQueue(storage.connectionString, 'jobs-roundtrip').send(job);

    const [first] = await waitFor(() => (received.length > 0 ? received : undefined));
    expect(first?.queue).toBe('jobs-roundtrip');
    expect(first?.message).toEqual(job);
    expect(first?.meta.dequeueCount).toBe(1);
    expect(first?.meta.id).toEqual(expect.any(String));
    expect(Date.now() - Date.parse(first?.meta.insertionTime ?? '')).toBeLessThan(60_000);
    await waitFor(async () => ((await messageCount('jobs-roundtrip')) === 0 ? true : undefined));
  });

  it('moves a message that keeps failing to <queue>-poison after maxDequeueCount tries', async () => {
    const failures: QueueFailure[] = [];
    let attempts = 0;
    drainers.push(
      startQueueDrainer(
        storage.connectionString,
        ['jobs-failing'],
        async () => {
          attempts++;
          throw new Error('handler broke');
        },
        { maxDequeueCount: 3, onError: (_queue, _error, failure) => failure && failures.push(failure) },
      ),
    );
    await createJobQueue(storage.connectionString, 'jobs-failing').send({ doomed: true });

    // onError reports the move once it is complete (copied to the poison queue, deleted here).
    await waitFor(() => (failures.some((failure) => failure.movedToPoison) ? true : undefined));
    const [poisoned] = (await peek('jobs-failing-poison')) ?? [];
    expect(decodeQueueMessage(poisoned?.messageText ?? '')).toEqual({ doomed: true });
    expect(attempts).toBe(3);
    expect(failures.map((failure) => [failure.dequeueCount, failure.movedToPoison])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
    expect(await messageCount('jobs-failing')).toBe(0);
  });

  it('retries a failed message only after the visibility timeout', async () => {
    const attempts: number[] = [];
    drainers.push(
      startQueueDrainer(
        storage.connectionString,
        ['jobs-retried'],
        async () => {
          attempts.push(Date.now());
          if (attempts.length === 1) throw new Error('first try fails');
        },
        { visibilityTimeoutSeconds: 1, onError: () => undefined },
      ),
    );
    await createJobQueue(storage.connectionString, 'jobs-retried').send({ n: 1 });

    await waitFor(() => (attempts.length === 2 ? true : undefined));
    // Allowing for the emulator's clock granularity.
    expect((attempts[1] ?? 0) - (attempts[0] ?? 0)).toBeGreaterThanOrEqual(900);
    await waitFor(async () => ((await messageCount('jobs-retried')) === 0 ? true : undefined));
  });

  it('creates missing queues and decodes plain JSON put by other tools', async () => {
    const received: unknown[] = [];
    drainers.push(startQueueDrainer(storage.connectionString, ['jobs-created'], async (_queue, message) => void received.push(message)));
    await waitFor(async () => ((await rawQueue('jobs-created').exists()) ? true : undefined));
    await rawQueue('jobs-created').sendMessage('{"plain":true}');
    await waitFor(() => (received.length > 0 ? true : undefined));
    expect(received).toEqual([{ plain: true }]);
  });

  it('stop() waits for handlers that are still running', async () => {
    let started = false;
    let finished = false;
    const drainer = startQueueDrainer(storage.connectionString, ['jobs-slow'], async () => {
      started = true;
      await new Promise((resolve) => setTimeout(resolve, 300));
      finished = true;
    });
    await createJobQueue(storage.connectionString, 'jobs-slow').send({ n: 1 });
    await waitFor(() => (started ? true : undefined));
    await drainer.stop();
    expect(finished).toBe(true);
    expect(await messageCount('jobs-slow')).toBe(0);
  });
});
