import type { ImportUpdate } from '../../../shared/contracts/imports.contract';
import { AppError, type FieldIssue } from '../../../shared/domain/errors';
import { importFieldsOf, type ImportMapping } from '../../../shared/domain/import-fields';
import type { ImportJobRecord } from '../../../shared/domain/import-job';
import { stamp } from '../record-guards';
import type { UseCaseCall } from '../usecase-context';
import type { ImportJobView } from './create-import.usecase';
import { requirePreviewStatus, requireWritableJob } from './import-access';
import { buildPreview } from './import-preview';
import { loadTable } from './import-source';

/** Adjust: the mapping (merge-patch of field → column) and the duplicate policy; the preview follows. */
export async function updateImport(call: UseCaseCall, id: string, patch: ImportUpdate, ifMatch: string | undefined): Promise<ImportJobView> {
  const job = await requireWritableJob(call, id, ifMatch);
  requirePreviewStatus(job);
  const { etag, ...current } = job;
  const next: ImportJobRecord = {
    ...current,
    mapping: patch.mapping ? patchedMapping(current, patch.mapping) : current.mapping,
    duplicatePolicy: patch.duplicatePolicy ?? current.duplicatePolicy,
    ...stamp(call.principal, call.deps.now()),
  };
  const saved = await call.deps.stores.importJobs.replace(next, etag);
  const table = await loadTable(call.deps, saved);
  return table ? { job: saved, preview: await buildPreview(call, saved, table) } : { job: saved };
}

/** Each key must be a field of the job's entity and each value a column of its file. */
export function patchedMapping(job: Pick<ImportJobRecord, 'entity' | 'columns' | 'mapping'>, patch: Record<string, string | null>): ImportMapping {
  const fields = new Set(importFieldsOf(job.entity));
  const columns = new Set(job.columns);
  const issues: FieldIssue[] = [];
  const mapping: ImportMapping = { ...job.mapping };
  for (const [field, column] of Object.entries(patch)) {
    if (!fields.has(field)) issues.push({ field: `mapping.${field}`, message: `is not a ${job.entity} field; use one of ${[...fields].join(', ')}` });
    else if (column !== null && !columns.has(column)) issues.push({ field: `mapping.${field}`, message: `"${column}" is not a column of the file` });
    else if (column === null) delete mapping[field];
    else mapping[field] = column;
  }
  if (issues.length) throw new AppError('VALIDATION', `Check ${issues.map((issue) => issue.field).join(', ')}.`, { issues });
  return mapping;
}
