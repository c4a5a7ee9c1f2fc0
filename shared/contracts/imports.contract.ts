/**
 * Import and export of contacts and accounts. The API speaks JSON only (the pipeline's rule), so
 * an uploaded file travels as text in `content` and an export comes back as `{ fileName,
 * contentType, content }` for the add-in to save.
 */
import { z } from 'zod';
import { AccountType } from './accounts.contract';
import { IdParams, Keyword, PageQuery, RecordId, RecordMeta, RequiredText, ShortText, pageOf } from './common';
import { CSV_DELIMITERS } from '../domain/csv';
import { IMPORT_ENTITIES } from '../domain/import-fields';
import { DUPLICATE_POLICIES, IMPORT_FORMATS, IMPORT_STATUSES } from '../domain/import-job';

/**
 * Uploads through the API are capped so the JSON body stays under the 256 KiB limit; larger files
 * will go straight to blob storage (a SAS upload URL) and reach the same job.
 */
export const MAX_IMPORT_CONTENT_BYTES = 200 * 1024;
export const PREVIEW_ROWS = 20;

const utf8Length = (text: string) => new TextEncoder().encode(text).length;

export const ImportCreate = z
  .strictObject({
    entity: z.enum(IMPORT_ENTITIES),
    format: z.enum(IMPORT_FORMATS),
    fileName: RequiredText(255),
    content: z
      .string()
      .min(1, { message: 'is empty' })
      .refine((text) => utf8Length(text) <= MAX_IMPORT_CONTENT_BYTES, { message: 'must be at most 200 KiB; split the file' })
      .meta({ description: 'The file as text (UTF-8), at most 200 KiB. A byte-order mark is ignored.' }),
    delimiter: z.enum(CSV_DELIMITERS).optional().meta({ description: 'CSV only; detected from the header line when absent (`;` for French Excel).' }),
  })
  .meta({ id: 'ImportCreate' });
export type ImportCreate = z.infer<typeof ImportCreate>;

const FieldName = z.string().min(1).max(50);
const ColumnName = z.string().min(1).max(200);

export const ImportUpdate = z
  .strictObject({
    mapping: z
      .record(FieldName, ColumnName.nullable())
      .optional()
      .meta({ description: 'Merge-patch of field → column: a column name maps the field, null unmaps it, absent fields stay.' }),
    duplicatePolicy: z.enum(DUPLICATE_POLICIES).optional(),
  })
  .meta({ id: 'ImportUpdate' });
export type ImportUpdate = z.infer<typeof ImportUpdate>;

const RowIssue = z.object({ field: z.string(), column: z.string().optional(), message: z.string() });

export const ImportRowError = RowIssue.extend({ row: z.number().int() }).meta({ id: 'ImportRowError' });

export const ImportSkippedRow = z
  .object({
    row: z.number().int(),
    field: z.string(),
    message: z.string(),
    duplicateOf: z.string().optional().meta({ description: 'Id of the existing record the row duplicates.' }),
    duplicateOfRow: z.number().int().optional().meta({ description: 'The earlier row of the file it repeats.' }),
  })
  .meta({ id: 'ImportSkippedRow' });

const Duplicate = z.object({
  field: z.string(),
  value: z.string(),
  existingId: z.string().optional(),
  existingName: z.string().optional(),
  row: z.number().int().optional().meta({ description: 'The earlier row of the file with the same value.' }),
});

export const ImportPreviewRow = z
  .object({
    row: z.number().int().meta({ description: '1-based data row of the file (the header is not counted).' }),
    action: z.enum(['create', 'skip-duplicate', 'invalid']),
    record: z.record(z.string(), z.unknown()).meta({ description: 'The row as it would be created (ContactCreate or AccountCreate).' }),
    company: z
      .object({ name: z.string(), accountId: z.string().nullable().meta({ description: 'The existing account it names; null: one will be created.' }) })
      .optional(),
    errors: z.array(RowIssue),
    duplicates: z.array(Duplicate),
  })
  .meta({ id: 'ImportPreviewRow' });

export const ImportPreview = z
  .object({
    fields: z.array(z.string()).meta({ description: 'The fields a column can be mapped to, for this entity.' }),
    rows: z.array(ImportPreviewRow).meta({ description: `The first ${PREVIEW_ROWS} rows, mapped, validated and checked for duplicates.` }),
    summary: z.object({ total: z.number().int(), invalid: z.number().int(), duplicatesInFile: z.number().int() }),
  })
  .meta({ id: 'ImportPreview' });
export type ImportPreview = z.infer<typeof ImportPreview>;

const Count = z.number().int();

export const ImportJob = RecordMeta.extend({
  entity: z.enum(IMPORT_ENTITIES),
  format: z.enum(IMPORT_FORMATS),
  fileName: z.string(),
  status: z.enum(IMPORT_STATUSES),
  columns: z.array(z.string()),
  mapping: z.record(z.string(), z.string()),
  duplicatePolicy: z.enum(DUPLICATE_POLICIES),
  progress: z.object({ total: Count, processed: Count, created: Count, skipped: Count, failed: Count }),
  rowErrors: z.array(ImportRowError).meta({ description: 'The first 500 row errors; `rowErrorCount` has them all.' }),
  rowErrorCount: Count,
  skippedRows: z.array(ImportSkippedRow).meta({ description: 'The first 500 skipped rows; `progress.skipped` counts them all.' }),
  failureReason: z.string().optional(),
  committedAt: z.iso.datetime().optional(),
  completedAt: z.iso.datetime().optional(),
  ownerId: z.string(),
  preview: ImportPreview.optional().meta({ description: 'While the job is in `preview`: recomputed on every read.' }),
}).meta({ id: 'ImportJob' });
export type ImportJob = z.infer<typeof ImportJob>;

export const ImportJobPage = pageOf(ImportJob).meta({ id: 'ImportJobPage' });
export const ImportListQuery = z.strictObject({ ...PageQuery });
export const ImportIdParams = IdParams;

const ExportDelimiter = z.enum([',', ';']).default(',').meta({ description: 'CSV only: `;` for French Excel.' });

export const ExportContactsQuery = z.strictObject({
  format: z.enum(['csv', 'vcard']).default('csv'),
  q: Keyword.optional(),
  accountId: RecordId.optional(),
  ownerId: z.string().max(100).optional(),
  delimiter: ExportDelimiter,
});
export type ExportContactsQuery = z.infer<typeof ExportContactsQuery>;

export const ExportAccountsQuery = z.strictObject({
  format: z.enum(['csv']).default('csv'),
  q: Keyword.optional(),
  type: AccountType.optional(),
  industry: ShortText(100).optional(),
  ownerId: z.string().max(100).optional(),
  delimiter: ExportDelimiter,
});
export type ExportAccountsQuery = z.infer<typeof ExportAccountsQuery>;

export const ExportGroupQuery = z.strictObject({
  format: z.enum(['csv', 'vcard']).default('csv').meta({ description: 'vcard: contact groups only.' }),
  delimiter: ExportDelimiter,
});
export type ExportGroupQuery = z.infer<typeof ExportGroupQuery>;

export const ExportFile = z
  .object({
    fileName: z.string(),
    contentType: z.string(),
    content: z.string().meta({ description: 'The file as text: CSV (UTF-8 with BOM, CRLF) or vCard 3.0.' }),
    count: z.number().int().meta({ description: 'Records in the file.' }),
  })
  .meta({ id: 'ExportFile' });
export type ExportFile = z.infer<typeof ExportFile>;
