/**
 * How long a typical filtered contact query takes on the local Cosmos server as the container
 * grows: guards the linear-time query patch and the partition scoping. Prints nothing; the
 * caller reports the returned figures.
 */
import type { Container, JSONObject, OperationInput } from '@azure/cosmos';
import { createCosmosClient } from '../functions/infra/cosmos/cosmos-client';
import { startLocalCosmos } from '../local/cosmos/cosmos-server';
import { random as seededRandom } from '../local/seed/seed-data';
import { percentiles } from './stats';

export interface CosmosQueryBenchResult {
  documents: number;
  filteredQueryMs: { p50: number; p95: number };
}

const TENANTS = 10;
const OWNERS = 8;
const WARM_UP_RUNS = 2;
const MEASURED_RUNS = 15;
const BULK_SIZE = 100; // the SDK's own batch limit per request
const LOAD_CONCURRENCY = 8;

export async function benchCosmosQuery(sizes = [10_000, 50_000]): Promise<CosmosQueryBenchResult[]> {
  const results: CosmosQueryBenchResult[] = [];
  for (const documents of sizes) results.push({ documents, filteredQueryMs: await measure(documents) });
  return results;
}

async function measure(documents: number): Promise<{ p50: number; p95: number }> {
  const server = await startLocalCosmos();
  const client = createCosmosClient(server);
  try {
    const { database } = await client.databases.create({ id: 'crm' });
    const { container } = await database.containers.create({ id: 'contacts', partitionKey: { paths: ['/tenantId'] } });
    await load(container, documents);
    const timings: number[] = [];
    for (let run = 0; run < WARM_UP_RUNS + MEASURED_RUNS; run += 1) {
      const started = performance.now();
      const { resources } = await container.items
        .query(
          {
            query:
              'SELECT TOP 50 c.id, c.firstName, c.lastName, c.email, c.stage FROM c ' +
              'WHERE c.tenantId = @tenantId AND c.ownerId = @ownerId AND c.stage != @stage AND NOT IS_DEFINED(c.deletedAt)',
            parameters: [
              { name: '@tenantId', value: `tenant-${run % TENANTS}` },
              { name: '@ownerId', value: `user-${run % OWNERS}` },
              { name: '@stage', value: 'lost' },
            ],
          },
          { partitionKey: `tenant-${run % TENANTS}` },
        )
        .fetchAll();
      if (resources.length === 0) throw new Error('the benchmark query found nothing: the data set is wrong');
      if (run >= WARM_UP_RUNS) timings.push(performance.now() - started);
    }
    const { p50, p95 } = percentiles(timings);
    return { p50, p95 };
  } finally {
    client.dispose();
    await server.close();
  }
}

async function load(container: Container, documents: number): Promise<void> {
  const random = seededRandom(documents); // same data on every run, so figures are comparable
  const batches: OperationInput[][] = [];
  for (let start = 0; start < documents; start += BULK_SIZE) {
    const size = Math.min(BULK_SIZE, documents - start);
    batches.push(Array.from({ length: size }, (_, i) => ({ operationType: 'Create', resourceBody: contact(start + i, random) })));
  }
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let batch = batches[next++]; batch; batch = batches[next++]) {
      const responses = await container.items.bulk(batch);
      if (responses.some((response) => response.statusCode >= 400)) throw new Error('loading the benchmark data failed');
    }
  };
  await Promise.all(Array.from({ length: LOAD_CONCURRENCY }, worker));
}

const FIRST = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Ken', 'Radia', 'Tim'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Thompson', 'Perlman', 'Berners-Lee'];
const STAGES = ['lead', 'qualified', 'customer', 'lost'];

function contact(n: number, random: () => number): JSONObject {
  const pick = <T>(values: T[]): T => values[Math.floor(random() * values.length)]!;
  const firstName = pick(FIRST);
  const lastName = pick(LAST);
  const createdAt = new Date(Date.UTC(2024, 0, 1) + Math.floor(random() * 700 * 86_400_000)).toISOString();
  return {
    id: `contact-${n}`,
    tenantId: `tenant-${n % TENANTS}`,
    type: 'contact',
    firstName,
    lastName,
    email: `${firstName}.${lastName}.${n}@example.com`.toLowerCase(),
    phone: `+44 20 7946 ${String(n % 10_000).padStart(4, '0')}`,
    accountId: `account-${Math.floor(random() * 500)}`,
    ownerId: `user-${Math.floor(random() * OWNERS)}`,
    stage: pick(STAGES),
    tags: random() < 0.3 ? ['vip', 'newsletter'] : ['newsletter'],
    address: { city: pick(['London', 'Paris', 'Berlin', 'Madrid']), country: pick(['GB', 'FR', 'DE', 'ES']) },
    createdAt,
    updatedAt: createdAt,
    ...(random() < 0.05 ? { deletedAt: createdAt } : {}),
  };
}
