/** The uploaded file: stored in blob storage as sent, read back as a table whenever it is needed. */
import { CsvSyntaxError, detectDelimiter, type CsvDelimiter } from '../../../shared/domain/csv';
import { AppError } from '../../../shared/domain/errors';
import { MAX_IMPORT_ROWS, type ImportFormat, type ImportJobRecord } from '../../../shared/domain/import-job';
import { tableFromCsv, tableFromVCards, type ImportTable } from '../../../shared/domain/import-table';
import type { UseCaseDeps } from '../usecase-context';

export const SOURCE_CONTENT_TYPES: Record<ImportFormat, string> = { csv: 'text/csv; charset=utf-8', vcard: 'text/vcard; charset=utf-8' };

export function sourceBlobName(tenantId: string, jobId: string): string {
  return `${tenantId}/${jobId}/source`;
}

/** The file as a table; a file that cannot be read, or has no rows, is a 400 naming `content`. */
export function readTable(format: ImportFormat, content: string, delimiter?: CsvDelimiter): { table: ImportTable; delimiter?: CsvDelimiter } {
  const invalid = (message: string, cause?: unknown) =>
    new AppError('VALIDATION', `The file cannot be imported: ${message}.`, { issues: [{ field: 'content', message }], cause });
  let result: { table: ImportTable; delimiter?: CsvDelimiter };
  try {
    if (format === 'vcard') {
      result = { table: tableFromVCards(content) };
    } else {
      const used = delimiter ?? detectDelimiter(content);
      result = { table: tableFromCsv(content, used), delimiter: used };
    }
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw invalid(error.message.replace(/\.$/, ''), error);
    throw error;
  }
  if (result.table.rows.length === 0) {
    throw invalid(format === 'vcard' ? 'it holds no BEGIN:VCARD ... END:VCARD card' : 'it has no data rows under its header line');
  }
  if (result.table.rows.length > MAX_IMPORT_ROWS) throw invalid(`it has more than ${MAX_IMPORT_ROWS} rows; split it`);
  return result;
}

export async function loadTable(deps: UseCaseDeps, job: Pick<ImportJobRecord, 'sourceBlob' | 'format' | 'delimiter'>): Promise<ImportTable | null> {
  const blob = await deps.files.imports.get(job.sourceBlob);
  return blob ? readTable(job.format, blob.data.toString('utf8'), job.delimiter).table : null;
}
