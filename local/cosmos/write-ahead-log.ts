/**
 * Append-only log with group commit. Each record is framed as
 * `[u32 length][u32 crc32][utf-8 JSON]` so a record torn by a crash mid-write is recognised
 * and dropped on replay. Appends are synchronous (they happen while the change is applied in
 * memory); callers then wait for `whenDurable()`, and every append of one event-loop turn
 * shares a single write + fdatasync.
 */
import type { FileHandle } from 'node:fs/promises';
import { crc32 } from 'node:zlib';

const HEADER_BYTES = 8;

export function encodeFrame(payload: string): Buffer {
  const body = Buffer.from(payload, 'utf8');
  const frame = Buffer.allocUnsafe(HEADER_BYTES + body.length);
  frame.writeUInt32LE(body.length, 0);
  frame.writeUInt32LE(crc32(body), 4);
  body.copy(frame, HEADER_BYTES);
  return frame;
}

/** Payloads of the intact frames, stopping at the first torn or corrupt one (the tail a crash leaves). */
export function decodeFrames(bytes: Buffer): { payloads: string[]; intactBytes: number } {
  const payloads: string[] = [];
  let offset = 0;
  while (offset + HEADER_BYTES <= bytes.length) {
    const length = bytes.readUInt32LE(offset);
    const end = offset + HEADER_BYTES + length;
    // Length 0 never gets written; it is what a zero-filled tail after a crash looks like.
    if (length === 0 || end > bytes.length) break;
    const body = bytes.subarray(offset + HEADER_BYTES, end);
    if (crc32(body) !== bytes.readUInt32LE(offset + 4)) break;
    payloads.push(body.toString('utf8'));
    offset = end;
  }
  return { payloads, intactBytes: offset };
}

interface Waiter {
  seq: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

export class LogWriter {
  private pending: Array<{ file: FileHandle; frame: Buffer }> = [];
  private waiters: Waiter[] = [];
  private appendedSeq = 0;
  private durableSeq = 0;
  private draining = false;
  private failure: Error | undefined;
  private closed = false;
  /** Bytes appended to the current file; the store compacts when it grows large. */
  bytesInFile = 0;

  constructor(private file: FileHandle) {}

  append(frame: Buffer): void {
    if (this.failure) throw this.failure;
    if (this.closed) throw new Error('the Cosmos data store is closed');
    this.pending.push({ file: this.file, frame });
    this.appendedSeq += 1;
    this.bytesInFile += frame.length;
    if (!this.draining) {
      this.draining = true;
      // setImmediate lets every write of this turn join the batch before we pay for the fsync.
      setImmediate(() => void this.drain());
    }
  }

  /** Resolves once every record appended before the call (or up to `seq`) is on disk. */
  whenDurable(seq = this.appendedSeq): Promise<void> {
    if (seq <= this.durableSeq) return Promise.resolve();
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => this.waiters.push({ seq, resolve, reject }));
  }

  /** Later appends go to `file`; returns the last sequence number that belongs to the old one. */
  switchTo(file: FileHandle): number {
    this.file = file;
    this.bytesInFile = 0;
    return this.appendedSeq;
  }

  /** Stops taking appends, then waits until everything appended so far is durable. */
  async close(): Promise<void> {
    this.closed = true;
    await this.whenDurable();
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const batch = this.pending;
        const upTo = this.appendedSeq;
        this.pending = [];
        for (const [file, frames] of groupByFile(batch)) {
          await writeAll(file, Buffer.concat(frames));
          await file.datasync();
        }
        this.durableSeq = upTo;
        this.settle((waiter) => waiter.seq <= upTo, undefined);
      }
    } catch (error) {
      // A log that failed to persist cannot acknowledge anything any more: fail every write loudly.
      this.failure = new Error('the Cosmos write-ahead log could not be written', { cause: error });
      this.settle(() => true, this.failure);
    } finally {
      this.draining = false;
    }
  }

  private settle(done: (waiter: Waiter) => boolean, error: Error | undefined): void {
    const remaining: Waiter[] = [];
    for (const waiter of this.waiters) {
      if (!done(waiter)) remaining.push(waiter);
      else if (error) waiter.reject(error);
      else waiter.resolve();
    }
    this.waiters = remaining;
  }
}

function groupByFile(batch: Array<{ file: FileHandle; frame: Buffer }>): Array<[FileHandle, Buffer[]]> {
  const groups: Array<[FileHandle, Buffer[]]> = [];
  for (const { file, frame } of batch) {
    const last = groups[groups.length - 1];
    if (last && last[0] === file) last[1].push(frame);
    else groups.push([file, [frame]]);
  }
  return groups;
}

async function writeAll(file: FileHandle, bytes: Buffer): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) {
    const { bytesWritten } = await file.write(bytes, offset, bytes.length - offset);
    offset += bytesWritten;
  }
}
