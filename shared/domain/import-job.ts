/**
 * An import job: an uploaded file, how its columns map to fields, and — once committed — its
 * progress row by row. Jobs are operational state, not business records: the records they
 * create carry the audit trail, the job itself is not audited.
 */
import type { CsvDelimiter } from './csv';
import type { ImportEntity, ImportMapping } from './import-fields';
import type { Page, PageRequest, RecordBase, Versioned } from './record';
import type { RecordRepository } from './repositories';
import type { Role } from './principal';

export const IMPORT_FORMATS = ['csv', 'vcard'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** preview → (PATCH mapping, policy)* → queued (commit) → running → completed | failed. */
export const IMPORT_STATUSES = ['preview', 'queued', 'running', 'completed', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** `skip`: a row matching an existing record (or an earlier row) is not imported. */
export const DUPLICATE_POLICIES = ['skip', 'create-anyway'] as const;
export type DuplicatePolicy = (typeof DUPLICATE_POLICIES)[number];

export interface ImportProgress {
  total: number;
  processed: number;
  created: number;
  skipped: number;
  failed: number;
}

export interface ImportRowError {
  row: number;
  /** As the contract names it: `emails.0.address`, `lastName`, `accountId`. */
  field: string;
  /** The file's column the field was read from, when there is one. */
  column?: string;
  message: string;
}

export interface ImportSkippedRow {
  row: number;
  field: string;
  message: string;
  /** The existing record the row duplicates, or the earlier row of the file. */
  duplicateOf?: string;
  duplicateOfRow?: number;
}

/** Lists kept in the job document are capped; the counters hold the full figures. */
export const MAX_STORED_ROW_ISSUES = 500;
/** Larger files are refused at upload; the job works through the rows in slices, but not forever. */
export const MAX_IMPORT_ROWS = 50_000;
/** Attempts of the background run before the job is marked failed (the queue's own limit is 5). */
export const MAX_IMPORT_ATTEMPTS = 5;

export interface ImportJobRecord extends RecordBase {
  /** Who uploaded it; the only one who may change or commit it. */
  ownerId: string;
  /** The uploader's identity at upload: the rows are written with these rights, in the background. */
  importer: { displayName: string; email: string; roles: Role[] };
  entity: ImportEntity;
  format: ImportFormat;
  fileName: string;
  delimiter?: CsvDelimiter;
  /** The uploaded file in blob storage (`<tenantId>/<jobId>/source`). */
  sourceBlob: string;
  columns: string[];
  mapping: ImportMapping;
  duplicatePolicy: DuplicatePolicy;
  status: ImportStatus;
  /** Non-blank data rows of the file. */
  totalRows: number;
  progress: ImportProgress;
  /** Index (in the table's rows) of the next row to write: the resume point after a crash. */
  nextRowIndex: number;
  rowErrors: ImportRowError[];
  rowErrorCount: number;
  skippedRows: ImportSkippedRow[];
  failedAttempts: number;
  failureReason?: string;
  committedAt?: string;
  completedAt?: string;
}

export interface ImportJobRepository extends RecordRepository<ImportJobRecord> {
  /** The owner's jobs, newest first. */
  listByOwner(tenantId: string, ownerId: string, page: PageRequest): Promise<Page<Versioned<ImportJobRecord>>>;
}

export function emptyProgress(total: number): ImportProgress {
  return { total, processed: 0, created: 0, skipped: 0, failed: 0 };
}

/** What happened to one row when it was written. */
export type RowOutcome =
  | { row: number; result: 'created' }
  | { row: number; result: 'skipped'; skip: ImportSkippedRow }
  | { row: number; result: 'failed'; errors: ImportRowError[] };

/** The job after a batch of outcomes: counters in full, the lists up to their cap. */
export function withOutcomes<T extends Pick<ImportJobRecord, 'progress' | 'rowErrors' | 'rowErrorCount' | 'skippedRows'>>(job: T, outcomes: RowOutcome[]): T {
  const progress = { ...job.progress };
  const rowErrors = [...job.rowErrors];
  const skippedRows = [...job.skippedRows];
  let rowErrorCount = job.rowErrorCount;
  for (const outcome of outcomes) {
    progress.processed += 1;
    if (outcome.result === 'created') progress.created += 1;
    if (outcome.result === 'skipped') {
      progress.skipped += 1;
      if (skippedRows.length < MAX_STORED_ROW_ISSUES) skippedRows.push(outcome.skip);
    }
    if (outcome.result === 'failed') {
      progress.failed += 1;
      rowErrorCount += outcome.errors.length;
      rowErrors.push(...outcome.errors.slice(0, Math.max(0, MAX_STORED_ROW_ISSUES - rowErrors.length)));
    }
  }
  return { ...job, progress, rowErrors, rowErrorCount, skippedRows };
}
