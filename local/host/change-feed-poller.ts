/**
 * The local stand-in for the Cosmos DB trigger: the local server has no change feed, so poll
 * `_ts` and hand batches to the same handlers `app.cosmosDB` runs in Azure. At-least-once: the
 * checkpoint (kept in the leases container, like Azure's leases) moves only after a batch
 * succeeded; `_ts` has one-second resolution, so documents already handed over at the
 * checkpoint second are remembered by id and _etag and not handed over twice.
 */
import type { Container, ItemDefinition } from '@azure/cosmos';

interface Lease {
  id: string;
  sinceTs: number;
  seenAtTs: string[];
}

export interface ChangeFeedSource {
  name: string;
  container: Container;
  handle(documents: unknown[]): Promise<void>;
}

export interface ChangeFeedPollerOptions {
  leases: Container;
  pollIntervalMs?: number;
  batchSize?: number;
  onError?: (name: string, error: unknown) => void;
}

function versionOf(document: ItemDefinition): string {
  return `${String(document.id)}:${String(document._etag)}`;
}

async function readLease(leases: Container, id: string): Promise<Lease> {
  try {
    const { resource } = await leases.item(id, id).read<Lease>();
    if (resource) return { id, sinceTs: resource.sinceTs, seenAtTs: resource.seenAtTs };
  } catch (error) {
    if ((error as { code?: unknown }).code !== 404) throw error;
  }
  return { id, sinceTs: 0, seenAtTs: [] };
}

/** One pass: every change since the checkpoint, in `_ts` order, batch by batch. Returns how many were handed over. */
export async function pollOnce(source: ChangeFeedSource, leases: Container, batchSize = 100): Promise<number> {
  const lease = await readLease(leases, `changefeed-${source.name}`);
  const seen = new Set(lease.seenAtTs);
  const iterator = source.container.items.query<ItemDefinition>(
    { query: 'SELECT * FROM c WHERE c._ts >= @since ORDER BY c._ts', parameters: [{ name: '@since', value: lease.sinceTs }] },
    { maxItemCount: batchSize },
  );
  let delivered = 0;
  while (iterator.hasMoreResults()) {
    const { resources = [] } = await iterator.fetchNext();
    const fresh = resources.filter((document) => !(document._ts === lease.sinceTs && seen.has(versionOf(document))));
    if (fresh.length === 0) continue;
    await source.handle(fresh);
    delivered += fresh.length;
    for (const document of fresh) {
      const ts = Number(document._ts);
      if (ts > lease.sinceTs) {
        lease.sinceTs = ts;
        seen.clear();
      }
      if (ts === lease.sinceTs) seen.add(versionOf(document));
    }
    lease.seenAtTs = [...seen];
    await leases.items.upsert(lease);
  }
  return delivered;
}

export function startChangeFeedPoller(sources: ChangeFeedSource[], options: ChangeFeedPollerOptions): { stop(): Promise<void> } {
  const interval = options.pollIntervalMs ?? 1000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const tick = (): void => {
    running = (async () => {
      for (const source of sources) {
        if (stopped) return;
        try {
          await pollOnce(source, options.leases, options.batchSize);
        } catch (error) {
          options.onError?.(source.name, error);
        }
      }
    })().finally(() => {
      if (!stopped) timer = setTimeout(tick, interval).unref();
    });
  };
  timer = setTimeout(tick, 0).unref();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
