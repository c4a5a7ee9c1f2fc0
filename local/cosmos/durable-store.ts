/**
 * Durability for the in-memory server: a snapshot plus write-ahead logs in one directory.
 *
 *   snapshot.jsonl      state as of the start of log generation G (see snapshot-file.ts)
 *   wal-<n>.log         changes, n >= G replayed in order (see write-ahead-log.ts)
 *   LOCK                pid of the process that owns the directory
 *
 * Compaction (at startup and when the current log passes `compactAfterBytes`) switches writes
 * to a new log and captures the state in the same synchronous step, writes the snapshot
 * atomically, and only then deletes the older logs. A crash at any point leaves a snapshot and
 * the logs that complete it.
 */
import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type Account from '@vercel/cosmosdb-server/lib/account';
import { applyChange, captureState, type StateChange } from './account-state';
import type { Journal } from './request-scope';
import { readSnapshot, syncDirectory, writeSnapshot } from './snapshot-file';
import { decodeFrames, encodeFrame, LogWriter } from './write-ahead-log';
import { acquireDirectoryLock, type DirectoryLock } from './directory-lock';

export const DEFAULT_COMPACT_AFTER_BYTES = 64 * 1024 * 1024;
const LOG_NAME = /^wal-(\d{12})\.log$/;
const logName = (generation: number): string => `wal-${String(generation).padStart(12, '0')}.log`;

export class DurableStore implements Journal {
  private account: Account | undefined;
  private writer: LogWriter | undefined;
  private logFile: FileHandle | undefined;
  private compacting: Promise<void> | undefined;
  private failure: Error | undefined;

  private constructor(
    private readonly dataDir: string,
    private readonly lock: DirectoryLock,
    private recovered: StateChange[],
    private generation: number,
    private readonly compactAfterBytes: number,
  ) {}

  /** Takes the directory and reads what it holds; nothing is applied until `attach`. */
  static async open(dataDir: string, compactAfterBytes = DEFAULT_COMPACT_AFTER_BYTES): Promise<DurableStore> {
    await fs.mkdir(dataDir, { recursive: true });
    const lock = await acquireDirectoryLock(dataDir);
    try {
      const snapshot = await readSnapshot(dataDir);
      const changes = snapshot?.changes ?? [];
      let generation = snapshot?.walGeneration ?? 0;
      for (const log of await listLogs(dataDir)) {
        if (log < generation) continue; // already in the snapshot; deleted by the next compaction
        const { payloads } = decodeFrames(await fs.readFile(path.join(dataDir, logName(log))));
        for (const payload of payloads) changes.push(JSON.parse(payload) as StateChange);
        generation = log;
      }
      return new DurableStore(dataDir, lock, changes, generation, compactAfterBytes);
    } catch (error) {
      await lock.release();
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(
        `cannot read the Cosmos data in ${dataDir} (${reason}). Restore the directory from a backup, or move it away to start empty.`,
        { cause: error },
      );
    }
  }

  /** Restores the recovered state into a fresh account, then compacts so the next start is quick. */
  async attach(account: Account): Promise<void> {
    for (const change of this.recovered) applyChange(account, change);
    this.recovered = [];
    this.account = account;
    await this.compact();
  }

  append(change: StateChange): void {
    if (!this.writer) throw new Error('the Cosmos data store is not attached');
    this.writer.append(encodeFrame(JSON.stringify(change)));
    if (this.writer.bytesInFile > this.compactAfterBytes && !this.compacting) {
      this.compact().catch((error: unknown) => {
        this.failure = new Error('compacting the Cosmos data failed; restart the server', { cause: error });
      });
    }
  }

  /** Resolves when every change appended so far is on disk. */
  whenDurable(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return this.writer ? this.writer.whenDurable() : Promise.resolve();
  }

  compact(): Promise<void> {
    this.compacting ??= this.runCompaction().finally(() => {
      this.compacting = undefined;
    });
    return this.compacting;
  }

  async close(): Promise<void> {
    await this.compacting?.catch(() => undefined); // its failure was already reported to writers
    await this.writer?.close();
    await this.logFile?.close();
    await this.lock.release();
  }

  private async runCompaction(): Promise<void> {
    if (!this.account) throw new Error('the Cosmos data store is not attached');
    const generation = this.generation + 1;
    const newFile = await fs.open(path.join(this.dataDir, logName(generation)), 'a');
    await syncDirectory(this.dataDir);
    // One synchronous step: changes before it are in the captured state, changes after it go to the new log.
    const oldFile = this.logFile;
    const lastOldSeq = this.writer ? this.writer.switchTo(newFile) : 0;
    this.writer ??= new LogWriter(newFile);
    this.logFile = newFile;
    this.generation = generation;
    const state = captureState(this.account);

    await writeSnapshot(this.dataDir, generation, state);
    await this.writer.whenDurable(lastOldSeq);
    await oldFile?.close();
    for (const log of await listLogs(this.dataDir)) {
      if (log < generation) await fs.unlink(path.join(this.dataDir, logName(log)));
    }
  }
}

async function listLogs(dataDir: string): Promise<number[]> {
  const names = await fs.readdir(dataDir);
  return names
    .map((name) => LOG_NAME.exec(name)?.[1])
    .filter((digits): digits is string => digits !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}
