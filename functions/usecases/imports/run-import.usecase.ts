/**
 * The background run of a committed import, driven by its queue message. Rows are written in
 * batches; after each batch the job saves its counters together with the index of the next row,
 * so a crash resumes where the last save left off and the rows written since are recognised by
 * their derived ids. A run that takes long hands over to a fresh message (Functions time out).
 */
import { AppError } from '../../../shared/domain/errors';
import { MAX_IMPORT_ATTEMPTS, withOutcomes, type ImportJobRecord, type RowOutcome } from '../../../shared/domain/import-job';
import type { Versioned } from '../../../shared/domain/record';
import type { UseCaseDeps } from '../usecase-context';
import { accountResolver } from './account-resolver';
import type { ImportJobMessage } from './commit-import.usecase';
import { importerCall, lockedFields } from './import-access';
import { writeRow, type RowWriter } from './import-row-writer';
import { loadTable } from './import-source';
import { prepareRows, type PreparedRow } from './prepared-rows';

export interface RunOptions {
  /** Rows written between two saves of the job (and two progress updates). */
  batchRows?: number;
  /** Rows written at once inside a batch. */
  concurrency?: number;
  /** After this long, the run saves and queues its own continuation (the Consumption plan stops a function at 5 minutes). */
  sliceMs?: number;
}

export type RunResult = 'completed' | 'failed' | 'continued' | 'ignored';

const DEFAULTS: Required<RunOptions> = { batchRows: 200, concurrency: 32, sliceMs: 4 * 60_000 };

export async function runImport(deps: UseCaseDeps, message: ImportJobMessage, options: RunOptions = {}): Promise<RunResult> {
  const settings = { ...DEFAULTS, ...options };
  const started = Date.now();
  let job = await deps.stores.importJobs.get(message.tenantId, message.jobId);
  // Done, failed, never committed or deleted: a late or repeated message has nothing to do.
  if (!job || job.deletedAt !== null || (job.status !== 'queued' && job.status !== 'running')) return 'ignored';
  if (job.status === 'queued') {
    const { etag, ...queued } = job;
    const running = await saveIfCurrent(deps, { ...queued, status: 'running' }, etag);
    if (!running) return 'ignored';
    job = running;
  }
  const table = await loadTable(deps, job);
  if (!table) return finish(deps, job, 'failed', 'The uploaded file is no longer available; upload it again.');
  const call = await importerCall(deps, job);
  const rows = prepareRows(job.entity, job.mapping, table, await lockedFields(deps, call.principal, job.entity));
  const writer: RowWriter = { call, job, resolveCompany: accountResolver(call, job.id) };
  while (job.nextRowIndex < rows.length) {
    const batch = rows.slice(job.nextRowIndex, job.nextRowIndex + settings.batchRows);
    const outcomes = await mapConcurrently(batch, settings.concurrency, (row: PreparedRow) => writeRow(writer, row));
    const saved = await saveIfCurrent(deps, advanced(job, outcomes, batch.length), job.etag);
    // Someone else saved the job meanwhile (a duplicate message running alongside): let it carry on.
    if (!saved) return 'ignored';
    job = saved;
    if (job.nextRowIndex < rows.length && Date.now() - started > settings.sliceMs) {
      await deps.queues.imports.send(message);
      return 'continued';
    }
  }
  return finish(deps, job, 'completed');
}

function advanced(job: Versioned<ImportJobRecord>, outcomes: RowOutcome[], count: number): ImportJobRecord {
  const { etag: _etag, ...record } = job;
  return { ...withOutcomes(record, outcomes), nextRowIndex: job.nextRowIndex + count };
}

async function finish(deps: UseCaseDeps, job: Versioned<ImportJobRecord>, status: 'completed' | 'failed', failureReason?: string): Promise<RunResult> {
  const { etag, ...record } = job;
  const done: ImportJobRecord = { ...record, status, completedAt: deps.now().toISOString(), ...(failureReason ? { failureReason } : {}) };
  return (await saveIfCurrent(deps, done, etag)) ? status : 'ignored';
}

/** Saves under the ETag read; null when another run saved first. */
async function saveIfCurrent(deps: UseCaseDeps, job: ImportJobRecord, etag: string): Promise<Versioned<ImportJobRecord> | null> {
  try {
    return await deps.stores.importJobs.replace({ ...job, updatedAt: deps.now().toISOString(), updatedBy: job.ownerId }, etag);
  } catch (error) {
    if (error instanceof AppError && error.code === 'PRECONDITION_FAILED') return null;
    throw error;
  }
}

/**
 * A run failed with an error of the platform (the queue will deliver the message again). Counts
 * the attempt on the job; at the limit, marks the job failed and answers true: stop retrying.
 */
export async function recordFailedAttempt(deps: UseCaseDeps, message: ImportJobMessage, error: unknown): Promise<boolean> {
  const job = await deps.stores.importJobs.get(message.tenantId, message.jobId);
  if (!job || (job.status !== 'queued' && job.status !== 'running')) return true;
  const { etag, ...record } = job;
  const failedAttempts = record.failedAttempts + 1;
  if (failedAttempts < MAX_IMPORT_ATTEMPTS) {
    await saveIfCurrent(deps, { ...record, failedAttempts }, etag);
    return false;
  }
  // A defect's own message may reveal internals; the log has it.
  const reason = error instanceof AppError && error.code !== 'INTERNAL' ? error.message : 'an unexpected error';
  const failureReason = `The import stopped after ${failedAttempts} attempts (${reason}). The rows counted as created are in the CRM; the others were not imported.`;
  return (await finish(deps, { ...record, failedAttempts, etag }, 'failed', failureReason)) === 'failed';
}

async function mapConcurrently<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    for (let index = next++; index < items.length; index = next++) results[index] = await work(items[index] as T);
  });
  await Promise.all(lanes);
  return results;
}
