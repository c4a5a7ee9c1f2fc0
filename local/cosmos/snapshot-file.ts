/**
 * The compacted state: JSON lines — a header naming the first log generation still to replay,
 * one state change per line, and a trailer with the count. Written to a temp file, fsynced,
 * renamed over the old snapshot and the directory fsynced, so a crash leaves either the old
 * snapshot or the new one, never half of one.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { StateChange } from './account-state';

export const SNAPSHOT_FILE = 'snapshot.jsonl';
const FORMAT = 'local-cosmos-snapshot/1';
const CHUNK_CHARS = 1 << 20;

export interface Snapshot {
  /** Logs with this generation or later hold changes the snapshot does not. */
  walGeneration: number;
  changes: StateChange[];
}

export async function writeSnapshot(dataDir: string, walGeneration: number, changes: StateChange[]): Promise<void> {
  const finalPath = path.join(dataDir, SNAPSHOT_FILE);
  const tempPath = `${finalPath}.tmp`;
  const file = await fs.open(tempPath, 'w');
  try {
    let chunk = `${JSON.stringify({ format: FORMAT, walGeneration, createdAt: new Date().toISOString() })}\n`;
    for (const change of changes) {
      chunk += `${JSON.stringify(change)}\n`;
      if (chunk.length >= CHUNK_CHARS) {
        await file.write(chunk);
        chunk = '';
      }
    }
    chunk += `${JSON.stringify({ end: true, count: changes.length })}\n`;
    await file.write(chunk);
    await file.datasync();
  } finally {
    await file.close();
  }
  await fs.rename(tempPath, finalPath);
  await syncDirectory(dataDir);
}

export async function readSnapshot(dataDir: string): Promise<Snapshot | undefined> {
  const filePath = path.join(dataDir, SNAPSHOT_FILE);
  let text: string;
  try {
    text = await fs.readFile(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const header = parseObject(lines[0], filePath);
  const trailer = parseObject(lines[lines.length - 1], filePath);
  const changes = lines.slice(1, -1).map((line) => JSON.parse(line) as StateChange);
  // The rename makes snapshots all-or-nothing, so a bad one is real damage: refuse rather than start empty.
  if (header.format !== FORMAT || typeof header.walGeneration !== 'number' || trailer.end !== true || trailer.count !== changes.length) {
    throw new Error(`${filePath} is not a complete snapshot`);
  }
  return { walGeneration: header.walGeneration, changes };
}

function parseObject(line: string | undefined, filePath: string): Record<string, unknown> {
  const value: unknown = line === undefined ? undefined : JSON.parse(line);
  if (typeof value !== 'object' || value === null) throw new Error(`${filePath} is not a complete snapshot`);
  return value as Record<string, unknown>;
}

/** Makes a rename or a newly created file in the directory durable. */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
