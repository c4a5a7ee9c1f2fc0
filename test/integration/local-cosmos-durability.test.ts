/**
 * The local Cosmos server as a real process: what a developer notices when it is killed,
 * crashes mid-write or cannot start. Each server is the CLI in a child process on a free port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { promises as fs } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Container, CosmosClient, ItemDefinition, Resource } from '@azure/cosmos';
import { createCosmosClient } from '../../functions/infra/cosmos/cosmos-client';
import { encodeFrame } from '../../local/cosmos/write-ahead-log';

const repoRoot = path.resolve(__dirname, '../..');

interface Ready {
  endpoint: string;
  key: string;
  caCertPath: string;
}
interface Running {
  child: ChildProcess;
  client: CosmosClient;
}

function runCli(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'local/cosmos/cli.ts', ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
}

async function startServer(dataDir: string, extraArgs: string[] = []): Promise<Running> {
  const child = runCli(['--port', '0', '--data-dir', dataDir, ...extraArgs]);
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('\n')) resolve(stdout.slice(0, stdout.indexOf('\n')));
    });
    child.once('exit', (code) => reject(new Error(`cli exited with ${code}: ${stderr}`)));
  });
  const ready = JSON.parse(line) as Ready;
  const caCertPem = await fs.readFile(ready.caCertPath, 'utf8');
  return { child, client: createCosmosClient({ endpoint: ready.endpoint, key: ready.key, caCertPem }) };
}

async function kill9(running: Running): Promise<void> {
  const exited = once(running.child, 'exit');
  process.kill(running.child.pid as number, 'SIGKILL');
  await exited;
  running.client.dispose();
}

const identity = (doc: Resource): Partial<Resource> => ({ id: doc.id, _rid: doc._rid, _etag: doc._etag, _ts: doc._ts, _self: doc._self });

async function allDocuments(container: Container): Promise<Map<string, ItemDefinition & Resource>> {
  const { resources } = await container.items.query<ItemDefinition & Resource>('SELECT * FROM c').fetchAll();
  return new Map(resources.map((doc) => [doc.id, doc]));
}

describe('local Cosmos server process', () => {
  let dataDir: string;
  let running: Running;
  const issuedRids = new Set<string>();

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'local-cosmos-'));
  });
  afterAll(async () => {
    if (running?.child.exitCode === null) await kill9(running);
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged write, with its identity, through kill -9', async () => {
    running = await startServer(dataDir);
    const { database } = await running.client.databases.create({ id: 'crm' });
    const { container } = await database.containers.create({
      id: 'contacts',
      partitionKey: { paths: ['/tenantId'] },
      uniqueKeyPolicy: { uniqueKeys: [{ paths: ['/email'] }] },
    });
    const { database: scratch } = await running.client.databases.create({ id: 'scratch' });
    await (await database.containers.create({ id: 'deals', partitionKey: { paths: ['/tenantId'] } })).container.delete();

    const created = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        container.items.create({ id: `c${i}`, tenantId: `t${i % 5}`, email: `c${i}@example.com`, n: i }),
      ),
    );
    const expected = new Map(created.map(({ resource }) => [resource!.id, resource!]));
    for (const doc of expected.values()) issuedRids.add(doc._rid);
    const updates = await Promise.all([
      ...Array.from({ length: 60 }, (_, i) => {
        const doc = expected.get(`c${i}`)!;
        return container.item(doc.id, doc.tenantId).replace({ ...doc, n: -i }, { accessCondition: { type: 'IfMatch', condition: doc._etag } });
      }),
      ...Array.from({ length: 20 }, (_, i) => container.item(`c${60 + i}`, `t${(60 + i) % 5}`).patch([{ op: 'set', path: '/stage', value: 'won' }])),
      ...Array.from({ length: 10 }, (_, i) => container.items.upsert({ id: `u${i}`, tenantId: 't0', email: `u${i}@example.com` })),
    ]);
    for (const { resource } of updates) expected.set(resource!.id, resource!);
    const deleted = Array.from({ length: 40 }, (_, i) => `c${260 + i}`);
    await Promise.all([...deleted.map((id) => container.item(id, `t${Number(id.slice(1)) % 5}`).delete()), scratch.delete()]);
    await kill9(running); // at once, right after the last answer of a burst

    running = await startServer(dataDir);
    const restored = running.client.database('crm').container('contacts');
    const docs = await allDocuments(restored);
    for (const id of deleted) expected.delete(id);
    expect(docs.size).toBe(expected.size);
    for (const [id, doc] of expected) {
      expect(identity(docs.get(id)!)).toEqual(identity(doc));
      expect(docs.get(id)).toEqual(doc);
    }
    const { statusCode } = await restored.item('c270', 't0').read();
    expect(statusCode).toBe(404);

    const { resource: fresh } = await restored.items.create({ id: 'after-restart', tenantId: 't1', email: 'new@example.com' });
    for (const doc of updates) issuedRids.add(doc.resource!._rid);
    expect(issuedRids.has(fresh!._rid)).toBe(false);

    const { resource: definition } = await restored.read();
    expect(definition?.partitionKey?.paths).toEqual(['/tenantId']);
    await expect(restored.items.create({ id: 'dup', tenantId: 't1', email: 'c1@example.com' })).rejects.toMatchObject({ code: 409 });
    const { resources: databases } = await running.client.databases.readAll().fetchAll();
    expect(databases.map((db) => db.id)).toEqual(['crm']);
    const { resources: containers } = await running.client.database('crm').containers.readAll().fetchAll();
    expect(containers.map((c) => c.id)).toEqual(['contacts']);
  });

  it('ignores a log record torn by a crash and keeps serving', async () => {
    const container = running.client.database('crm').container('contacts');
    const { resource: kept } = await container.items.create({ id: 'before-tear', tenantId: 't2', email: 'kept@example.com' });
    await kill9(running);

    const logs = (await fs.readdir(dataDir)).filter((name) => name.startsWith('wal-')).sort();
    const torn = encodeFrame(JSON.stringify({ op: 'put', kind: 'document', parent: [], ridCount: 0, data: { id: 'torn' } }));
    await fs.appendFile(path.join(dataDir, logs[logs.length - 1]!), torn.subarray(0, torn.length - 5));

    running = await startServer(dataDir);
    const restored = running.client.database('crm').container('contacts');
    const { resource: read } = await restored.item('before-tear', 't2').read();
    expect(read && identity(read)).toEqual(identity(kept!));
    expect((await restored.item('torn', 't2').read()).statusCode).toBe(404);
    expect((await restored.items.create({ id: 'after-tear', tenantId: 't2', email: 'after@example.com' })).statusCode).toBe(201);

    const exited = once(running.child, 'exit');
    running.child.kill('SIGTERM');
    expect((await exited)[0]).toBe(0);
    running.client.dispose();
  });

  it('keeps writes that race with compaction of the log into a snapshot', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'local-cosmos-compact-'));
    try {
      let compacting = await startServer(dir, ['--compact-after-bytes', '16384']); // about 40 writes per log
      const { database } = await compacting.client.databases.create({ id: 'crm' });
      const { container } = await database.containers.create({ id: 'contacts', partitionKey: { paths: ['/tenantId'] } });
      const acknowledged = await Promise.all(
        Array.from({ length: 400 }, async (_, i) => {
          const { resource } = await container.items.create({ id: `k${i}`, tenantId: `t${i % 4}`, n: i });
          return (await container.item(resource!.id, resource!.tenantId).replace({ ...resource!, n: -i })).resource!;
        }),
      );
      await kill9(compacting);
      const logs = (await fs.readdir(dir)).filter((name) => name.startsWith('wal-')).sort();
      expect(Number(/\d+/.exec(logs[logs.length - 1]!)?.[0])).toBeGreaterThan(5); // it did compact, several times

      compacting = await startServer(dir);
      const docs = await allDocuments(compacting.client.database('crm').container('contacts'));
      expect(docs.size).toBe(acknowledged.length);
      for (const doc of acknowledged) expect(docs.get(doc.id)).toEqual(doc);
      await kill9(compacting);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses to start, saying what to do, when the port is taken or the data is unreadable', async () => {
    const blocker = net.createServer().listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    const { port } = blocker.address() as net.AddressInfo;
    const portDir = await fs.mkdtemp(path.join(os.tmpdir(), 'local-cosmos-port-'));
    const badDir = await fs.mkdtemp(path.join(os.tmpdir(), 'local-cosmos-bad-'));
    await fs.writeFile(path.join(badDir, 'snapshot.jsonl'), '{"format":"local-cosmos-snapshot/1","walGeneration":1}\n{"op":"put"');
    try {
      const results = await Promise.all([
        outcome(runCli(['--port', String(port), '--data-dir', portDir])),
        outcome(runCli(['--port', '0', '--data-dir', badDir])),
      ]);
      expect(results[0]).toMatchObject({ code: 1, stdout: '' });
      expect(results[0]!.stderr).toMatch(new RegExp(`port ${port} .* already in use.*--port`));
      expect(results[1]).toMatchObject({ code: 1, stdout: '' });
      expect(results[1]!.stderr).toMatch(/cannot read the Cosmos data in .*move it away to start empty/);
    } finally {
      blocker.close();
      await Promise.all([portDir, badDir].map((dir) => fs.rm(dir, { recursive: true, force: true })));
    }
  });
});

async function outcome(child: ChildProcess): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}
