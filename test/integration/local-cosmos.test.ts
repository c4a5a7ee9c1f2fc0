/**
 * The in-memory local Cosmos server through the real SDK and our client factory, over real
 * sockets: partition scoping, queries the SDK runs without a query plan, paging, TLS, shutdown.
 */
import type { Container, ItemDefinition } from '@azure/cosmos';
import { createCosmosClient } from '../../functions/infra/cosmos/cosmos-client';
import { generateCertificate } from '../../local/cosmos/certificate';
import { startLocalCosmos, type LocalCosmos } from '../../local/cosmos/cosmos-server';

interface Contact extends ItemDefinition {
  id: string;
  tenantId: string;
  score: number;
  stage: string;
}

const contactsOf = (tenantId: string, count: number): Contact[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `${tenantId}-${i}`,
    tenantId,
    score: (i * 7) % 25, // shuffled, with ties once count > 25
    stage: i % 3 === 0 ? 'won' : 'open',
  }));

describe('local Cosmos server (in memory)', () => {
  let server: LocalCosmos;
  let container: Container;
  const tenantA = contactsOf('tenant-a', 30);
  const tenantB = contactsOf('tenant-b', 6);

  beforeAll(async () => {
    server = await startLocalCosmos();
    const client = createCosmosClient(server);
    const { database } = await client.databases.create({ id: 'crm' });
    ({ container } = await database.containers.create({ id: 'contacts', partitionKey: { paths: ['/tenantId'] } }));
    await Promise.all([...tenantA, ...tenantB].map((contact) => container.items.create(contact)));
  });
  afterAll(async () => {
    await server.close();
  });

  it('limits a query to the partition it names, and spans all without one', async () => {
    const scoped = await container.items.query<Contact>('SELECT * FROM c', { partitionKey: 'tenant-b' }).fetchAll();
    expect(scoped.resources.map((c) => c.id).sort()).toEqual(tenantB.map((c) => c.id).sort());
    const everyone = await container.items.query<Contact>('SELECT * FROM c').fetchAll();
    expect(everyone.resources).toHaveLength(tenantA.length + tenantB.length);
  });

  it('reads, replaces and deletes only inside the given partition', async () => {
    const elsewhere = container.item('tenant-a-1', 'tenant-b');
    expect((await elsewhere.read()).statusCode).toBe(404);
    await expect(elsewhere.replace({ ...tenantA[1]!, tenantId: 'tenant-b' })).rejects.toMatchObject({ code: 404 });
    await expect(elsewhere.delete()).rejects.toMatchObject({ code: 404 });
    expect((await container.item('tenant-a-1', 'tenant-a').read()).resource).toMatchObject(tenantA[1]!);
  });

  it('runs ORDER BY, TOP and parameters correctly without a query plan', async () => {
    const query = {
      query: 'SELECT TOP 5 c.id, c.score FROM c WHERE c.tenantId = @tenantId AND c.stage = @stage ORDER BY c.score DESC',
      parameters: [
        { name: '@tenantId', value: 'tenant-a' },
        { name: '@stage', value: 'open' },
      ],
    };
    const { resources } = await container.items.query<Pick<Contact, 'id' | 'score'>>(query, { partitionKey: 'tenant-a' }).fetchAll();
    const expected = tenantA
      .filter((c) => c.stage === 'open')
      .map((c) => c.score)
      .sort((a, b) => b - a)
      .slice(0, 5);
    expect(resources.map((c) => c.score)).toEqual(expected);
  });

  it('pages with maxItemCount and continuation tokens handed back by a later request', async () => {
    const query = 'SELECT c.id, c.score FROM c ORDER BY c.score';
    const pages: Array<Array<Pick<Contact, 'id' | 'score'>>> = [];
    let continuationToken: string | undefined;
    do {
      // A fresh iterator per page, as an API that returns the token to its caller would do.
      const page = await container.items.query<Pick<Contact, 'id' | 'score'>>(query, { partitionKey: 'tenant-a', maxItemCount: 12, continuationToken }).fetchNext();
      pages.push(page.resources);
      continuationToken = page.continuationToken;
    } while (continuationToken && pages.length < 10);
    expect(pages.map((page) => page.length)).toEqual([12, 12, 6]);
    const ids = pages.flat().map((c) => c.id);
    expect(new Set(ids).size).toBe(tenantA.length);
    const scores = pages.flat().map((c) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
  });

  it('is only reachable by a client that trusts its certificate', async () => {
    const strangerCa = (await generateCertificate()).certPem;
    for (const caCertPem of [undefined, strangerCa]) {
      const client = createCosmosClient({ endpoint: server.endpoint, key: server.key, caCertPem });
      await expect(client.databases.readAll().fetchAll()).rejects.toMatchObject({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
      client.dispose();
    }
    const viaLocalhost = createCosmosClient({ ...server, endpoint: server.endpoint.replace('127.0.0.1', 'localhost') });
    expect((await viaLocalhost.databases.readAll().fetchAll()).resources.map((db) => db.id)).toEqual(['crm']);
    viaLocalhost.dispose();
  });
});

describe('closing the local Cosmos server', () => {
  it('ends open keep-alive connections at once', async () => {
    const server = await startLocalCosmos();
    const client = createCosmosClient(server);
    await client.databases.create({ id: 'crm' }); // leaves a pooled keep-alive socket behind
    const started = Date.now();
    await server.close();
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(client.databases.readAll().fetchAll()).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    client.dispose();
  });
});
