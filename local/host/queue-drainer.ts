/**
 * The dev host's stand-in for the Functions queue trigger: polls queues and calls the same handlers
 * that `app.storageQueue` runs in Azure, with the host's delivery rules:
 * - a handler that resolves completes the message (it is deleted);
 * - a handler that throws leaves it on the queue, visible again after `visibilityTimeoutSeconds`;
 * - after `maxDequeueCount` failed tries the message moves to `<queue>-poison`;
 * - empty queues are polled less and less often (up to `pollIntervalMs`), a queue that had
 *   messages is polled again at once.
 */
import type { DequeuedMessageItem, QueueClient, QueueServiceClient } from '@azure/storage-queue';
import { decodeQueueMessage, lazyQueueCreation, queueServiceFromConnectionString } from '../../functions/infra/storage/queue';

export interface QueueMessageMeta {
  id: string;
  dequeueCount: number;
  insertionTime: string;
}

export type QueueInvoke = (queueName: string, message: unknown, meta: QueueMessageMeta) => Promise<void>;

export interface QueueFailure extends QueueMessageMeta {
  movedToPoison: boolean;
}

export interface QueueDrainerOptions {
  /** Longest wait between polls of an empty queue. Azure's default is a minute; 1 s suits local work. */
  pollIntervalMs?: number;
  /** Tries before a message is poisoned; 5 as in Functions. */
  maxDequeueCount?: number;
  /** How long a failed message stays hidden before its retry (host.json `queues.visibilityTimeout`, 0 in Functions). */
  visibilityTimeoutSeconds?: number;
  /** Messages fetched per poll and run in parallel (Functions default 16, service maximum 32). */
  batchSize?: number;
  /** Handler failures (with the message) and polling failures (without). */
  onError?: (queueName: string, error: unknown, failure?: QueueFailure) => void;
}

const MIN_POLL_MS = 50;
/** A message is hidden this long while its handler runs, and the lease is renewed at half-time. */
const LEASE_SECONDS = 60;

interface DrainerSettings {
  maxPollMs: number;
  maxDequeueCount: number;
  retryDelaySeconds: number;
  batchSize: number;
  invoke: QueueInvoke;
  onError: NonNullable<QueueDrainerOptions['onError']>;
  sleeper: Sleeper;
  isStopped: () => boolean;
}

/** One queue's poll loop, with its poison queue beside it. */
class DrainedQueue {
  private readonly client: QueueClient;
  private readonly poison: QueueClient;
  private readonly ensure: () => Promise<void>;
  private readonly ensurePoison: () => Promise<void>;

  constructor(
    service: QueueServiceClient,
    private readonly name: string,
    private readonly settings: DrainerSettings,
  ) {
    this.client = service.getQueueClient(name);
    this.poison = service.getQueueClient(`${name}-poison`);
    this.ensure = lazyQueueCreation(this.client);
    this.ensurePoison = lazyQueueCreation(this.poison);
  }

  async pollLoop(): Promise<void> {
    const { sleeper, maxPollMs, isStopped } = this.settings;
    let idleMs = MIN_POLL_MS;
    let lastReported = '';
    while (!isStopped()) {
      let found = 0;
      try {
        found = await this.pollOnce();
        lastReported = '';
      } catch (error) {
        // Storage being down would otherwise log the same failure every second.
        const text = error instanceof Error ? error.message : String(error);
        if (text !== lastReported) this.settings.onError(this.name, error);
        lastReported = text;
      }
      if (found > 0) {
        idleMs = MIN_POLL_MS;
        continue;
      }
      await sleeper.sleep(idleMs);
      idleMs = Math.min(idleMs * 2, maxPollMs);
    }
  }

  /** One poll; returns how many messages it found. */
  private async pollOnce(): Promise<number> {
    await this.ensure();
    const { receivedMessageItems: items } = await this.client.receiveMessages({
      numberOfMessages: this.settings.batchSize,
      visibilityTimeout: LEASE_SECONDS,
    });
    if (this.settings.isStopped()) {
      // Stopped while receiving: hand the messages back at once instead of hiding them for a lease.
      await Promise.all(items.map((item) => this.client.updateMessage(item.messageId, item.popReceipt, undefined, 0)));
      return 0;
    }
    // A rejection here means storage failed around the handler (the handler's own errors are handled).
    await Promise.all(items.map((item) => this.handle(item).catch((error: unknown) => this.settings.onError(this.name, error))));
    return items.length;
  }

  private async handle(item: DequeuedMessageItem): Promise<void> {
    const { maxDequeueCount, onError } = this.settings;
    const meta: QueueMessageMeta = { id: item.messageId, dequeueCount: item.dequeueCount, insertionTime: item.insertedOn.toISOString() };
    // Dequeued too often without a verdict (e.g. the host died mid-run each time): do not run it again.
    if (item.dequeueCount > maxDequeueCount) {
      await this.moveToPoison(item, item.popReceipt);
      onError(this.name, new Error(`message ${item.messageId} exceeded ${maxDequeueCount} dequeues`), { ...meta, movedToPoison: true });
      return;
    }
    const lease = holdLease(this.client, item);
    try {
      await this.settings.invoke(this.name, decodeQueueMessage(item.messageText), meta);
    } catch (error) {
      const poisoned = item.dequeueCount >= maxDequeueCount;
      try {
        const popReceipt = await lease.release();
        if (poisoned) await this.moveToPoison(item, popReceipt);
        else await this.client.updateMessage(item.messageId, popReceipt, undefined, this.settings.retryDelaySeconds);
      } finally {
        onError(this.name, error, { ...meta, movedToPoison: poisoned });
      }
      return;
    }
    await this.client.deleteMessage(item.messageId, await lease.release());
  }

  private async moveToPoison(item: DequeuedMessageItem, popReceipt: string): Promise<void> {
    await this.ensurePoison();
    await this.poison.sendMessage(item.messageText); // the original text, as the Functions host does
    await this.client.deleteMessage(item.messageId, popReceipt);
  }
}

export function startQueueDrainer(
  connectionString: string,
  queues: string[],
  invoke: QueueInvoke,
  options: QueueDrainerOptions = {},
): { stop(): Promise<void> } {
  const reportTo = options.onError ?? ((queueName, error) => console.error(`[queue ${queueName}]`, error));
  let stopped = false;
  const settings: DrainerSettings = {
    maxPollMs: Math.max(options.pollIntervalMs ?? 1000, MIN_POLL_MS),
    maxDequeueCount: options.maxDequeueCount ?? 5,
    retryDelaySeconds: options.visibilityTimeoutSeconds ?? 0,
    batchSize: Math.min(Math.max(options.batchSize ?? 16, 1), 32),
    invoke,
    // A throwing onError must not end a poll loop.
    onError: (queueName, error, failure) => {
      try {
        reportTo(queueName, error, failure);
      } catch (reportError) {
        console.error(`[queue ${queueName}] onError threw`, reportError);
      }
    },
    sleeper: createSleeper(),
    isStopped: () => stopped,
  };
  const service = queueServiceFromConnectionString(connectionString);
  const loops = queues.map((name) => new DrainedQueue(service, name, settings).pollLoop());
  let stopping: Promise<void> | undefined;
  return {
    stop() {
      stopped = true;
      settings.sleeper.wakeAll();
      // The loops end after their in-flight handlers and storage calls have finished.
      stopping ??= Promise.all(loops).then(() => undefined);
      return stopping;
    },
  };
}

/**
 * Keeps a message hidden while its handler runs longer than the lease. Each renewal changes the
 * pop receipt, so `release` stops renewing and hands back the current one.
 */
function holdLease(client: QueueClient, item: DequeuedMessageItem): { release(): Promise<string> } {
  let popReceipt = item.popReceipt;
  let renewing: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    renewing = renewing
      .then(() => client.updateMessage(item.messageId, popReceipt, undefined, LEASE_SECONDS))
      .then((response) => {
        popReceipt = response.popReceipt ?? popReceipt;
      })
      .catch(() => undefined); // a lost renewal only risks a duplicate delivery, which handlers tolerate
  }, (LEASE_SECONDS * 1000) / 2);
  timer.unref();
  return {
    async release() {
      clearInterval(timer);
      await renewing;
      return popReceipt;
    },
  };
}

interface Sleeper {
  sleep(ms: number): Promise<void>;
  wakeAll(): void;
}

/** Waits that stop() can cut short, so stopping never waits out a poll interval. */
function createSleeper(): Sleeper {
  const wakers = new Set<() => void>();
  return {
    sleep(ms) {
      return new Promise((resolve) => {
        const wake = (): void => {
          clearTimeout(timer);
          wakers.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, ms);
        wakers.add(wake);
      });
    },
    wakeAll() {
      for (const wake of [...wakers]) wake();
    },
  };
}
