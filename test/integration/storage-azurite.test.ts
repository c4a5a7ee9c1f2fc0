/**
 * The Azurite launcher itself: data kept in dataDir across restarts, a clear error when a service
 * cannot start, and no emulator left behind when its parent dies.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { QueueServiceClient } from '@azure/storage-queue';
import { startAzurite } from '../../local/azurite/azurite-server';
import { createBlobStore } from '../../functions/infra/storage/blob-store';
import { createJobQueue, decodeQueueMessage } from '../../functions/infra/storage/queue';

const ROOT = path.resolve(__dirname, '..', '..');

function portOf(endpoint: string): number {
  return Number(new URL(endpoint).port);
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('Azurite launcher', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'azurite-test-'));
  });

  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps blobs and queued messages in dataDir across a restart', async () => {
    const first = await startAzurite({ dataDir });
    await createBlobStore(first.connectionString, 'files').put('letter.txt', Buffer.from('Dear customer'), 'text/plain');
    await createJobQueue(first.connectionString, 'jobs').send({ job: 'merge', id: 42 });
    await first.close();

    const second = await startAzurite({ dataDir });
    try {
      expect(await createBlobStore(second.connectionString, 'files').get('letter.txt')).toEqual({
        data: Buffer.from('Dear customer'),
        contentType: 'text/plain',
      });
      const queue = QueueServiceClient.fromConnectionString(second.connectionString).getQueueClient('jobs');
      const [message] = (await queue.receiveMessages()).receivedMessageItems;
      expect(decodeQueueMessage(message?.messageText ?? '')).toEqual({ job: 'merge', id: 42 });
    } finally {
      await second.close();
    }
  });

  it('rejects with the emulator output when a service cannot start', async () => {
    const squatter = net.createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => squatter.once('listening', resolve));
    const taken = (squatter.address() as net.AddressInfo).port;
    try {
      await expect(startAzurite({ blobPort: taken })).rejects.toThrow(/Azurite blob did not start: exited early[\s\S]*EADDRINUSE/);
    } finally {
      squatter.close();
    }
  });

  it('leaves no emulator running when its parent process is killed outright', async () => {
    const script = `
      const { startAzurite } = require('./local/azurite/azurite-server.ts');
      startAzurite().then((s) => console.log(JSON.stringify({ blob: s.blobEndpoint, queue: s.queueEndpoint })));
    `;
    const parent = spawn(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    const line = await new Promise<string>((resolve, reject) => {
      parent.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString()));
      parent.once('exit', (code) => reject(new Error(`parent exited with ${String(code)}`)));
    });
    const { blob, queue } = JSON.parse(line) as { blob: string; queue: string };
    const ports = [portOf(blob), portOf(queue)];
    expect(await Promise.all(ports.map(accepts))).toEqual([true, true]);

    parent.kill('SIGKILL'); // no chance to clean up: the children must notice on their own

    const deadline = Date.now() + 5000;
    let open = ports;
    while (open.length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const states = await Promise.all(open.map(accepts));
      open = open.filter((_port, i) => states[i]);
    }
    expect(open).toEqual([]);
  });
});
