import type { ImportCreate, ImportPreview } from '../../../shared/contracts/imports.contract';
import { assertCan } from '../../../shared/domain/access-policy';
import { AppError } from '../../../shared/domain/errors';
import { suggestMapping } from '../../../shared/domain/import-fields';
import { emptyProgress, type ImportJobRecord } from '../../../shared/domain/import-job';
import type { Versioned } from '../../../shared/domain/record';
import { newRecordFields } from '../record-guards';
import type { UseCaseCall } from '../usecase-context';
import { buildPreview } from './import-preview';
import { readTable, sourceBlobName, SOURCE_CONTENT_TYPES } from './import-source';

export interface ImportJobView {
  job: Versioned<ImportJobRecord>;
  /** Only while the job is in `preview`. */
  preview?: ImportPreview;
}

/**
 * Upload → preview: the file is read (a file that cannot be is refused before anything is
 * stored), stored in blob, and a job is created with the suggested mapping. A blob whose job
 * write failed is left behind unreferenced; a lifecycle rule on the `imports` container ages it out.
 */
export async function createImport(call: UseCaseCall, input: ImportCreate): Promise<ImportJobView> {
  const { deps, principal } = call;
  assertCan(principal, 'create', input.entity);
  if (input.format === 'vcard' && input.entity === 'account') {
    throw new AppError('VALIDATION', 'vCards describe people: import accounts from a CSV file.', { issues: [{ field: 'format', message: 'must be csv for accounts' }] });
  }
  const { table, delimiter } = readTable(input.format, input.content, input.delimiter);
  const fields = newRecordFields(deps, principal, principal.userId);
  const sourceBlob = sourceBlobName(principal.tenantId, fields.id);
  await deps.files.imports.put(sourceBlob, Buffer.from(input.content, 'utf8'), SOURCE_CONTENT_TYPES[input.format]);
  const record: ImportJobRecord = {
    ...fields,
    importer: { displayName: principal.displayName, email: principal.email, roles: principal.roles },
    entity: input.entity,
    format: input.format,
    fileName: input.fileName,
    ...(delimiter ? { delimiter } : {}),
    sourceBlob,
    columns: table.columns,
    mapping: suggestMapping(input.entity, table.columns),
    duplicatePolicy: 'skip',
    status: 'preview',
    totalRows: table.rows.length,
    progress: emptyProgress(table.rows.length),
    nextRowIndex: 0,
    rowErrors: [],
    rowErrorCount: 0,
    skippedRows: [],
    failedAttempts: 0,
  };
  const job = await deps.stores.importJobs.create(record);
  return { job, preview: await buildPreview(call, job, table) };
}
