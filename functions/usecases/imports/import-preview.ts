/**
 * The preview of an uncommitted import: the first rows as they would be written, with their
 * errors and duplicates, and figures for the whole file. Computed on every read from the stored
 * file, so it reflects the CRM as it is now, not as it was at upload.
 */
import { PREVIEW_ROWS, type ImportPreview } from '../../../shared/contracts/imports.contract';
import { importFieldsOf } from '../../../shared/domain/import-fields';
import type { ImportJobRecord } from '../../../shared/domain/import-job';
import type { ImportTable } from '../../../shared/domain/import-table';
import type { UseCaseCall } from '../usecase-context';
import { existingAccountId } from './account-resolver';
import { lockedFields } from './import-access';
import { findExistingDuplicate } from './existing-records';
import { prepareRows, type PreparedRow } from './prepared-rows';

type PreviewRow = ImportPreview['rows'][number];
type PreviewJob = Pick<ImportJobRecord, 'entity' | 'mapping' | 'duplicatePolicy'>;

export async function buildPreview(call: UseCaseCall, job: PreviewJob, table: ImportTable): Promise<ImportPreview> {
  const prepared = prepareRows(job.entity, job.mapping, table, await lockedFields(call.deps, call.principal, job.entity));
  const companies = new Map<string, Promise<string | null>>();
  const lookupCompany = (name: string) => {
    const known = companies.get(name) ?? existingAccountId(call, name);
    companies.set(name, known);
    return known;
  };
  const rows = await Promise.all(prepared.slice(0, PREVIEW_ROWS).map((row) => previewRow(call, job, row, lookupCompany)));
  return {
    fields: [...importFieldsOf(job.entity)],
    rows,
    summary: {
      total: prepared.length,
      invalid: prepared.filter((row) => !row.validated.valid).length,
      duplicatesInFile: prepared.filter((row) => row.inFile).length,
    },
  };
}

async function previewRow(call: UseCaseCall, job: PreviewJob, prepared: PreparedRow, lookupCompany: (name: string) => Promise<string | null>): Promise<PreviewRow> {
  const { validated } = prepared;
  const duplicates: PreviewRow['duplicates'] = [];
  if (prepared.inFile) duplicates.push({ field: prepared.inFile.field, value: prepared.inFile.value, row: prepared.inFile.row });
  const existing = validated.valid ? await findExistingDuplicate(call.deps, call.principal.tenantId, prepared.keys) : undefined;
  if (existing) duplicates.push({ field: existing.key.field, value: existing.key.value, existingId: existing.id, existingName: existing.name });
  const company = validated.mapped.company;
  const action = !validated.valid ? 'invalid' : duplicates.length > 0 && job.duplicatePolicy === 'skip' ? 'skip-duplicate' : 'create';
  return {
    row: prepared.row,
    action,
    record: validated.valid ? { ...validated.input } : validated.mapped.candidate,
    ...(company ? { company: { name: company, accountId: await lookupCompany(company) } } : {}),
    errors: validated.valid ? [] : validated.issues,
    duplicates,
  };
}
