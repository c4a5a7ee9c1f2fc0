/**
 * Ids of the records an import writes, derived from the job and the row: a redelivered queue
 * message writes the same ids again, the store answers CONFLICT, and the row counts as done.
 */
import { createHash } from 'node:crypto';

/** A UUID (v4 layout, as the contracts require) from the job id and a key such as `row:12`. */
export function importRecordId(jobId: string, key: string): string {
  const hex = createHash('sha256').update(`office-crm-import:${jobId}:${key}`).digest('hex');
  const variant = ((parseInt(hex.slice(16, 17), 16) & 3) | 8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function rowRecordId(jobId: string, row: number): string {
  return importRecordId(jobId, `row:${row}`);
}

/** The account a contact import creates for a company it names, once per job and folded name. */
export function companyAccountId(jobId: string, foldedName: string): string {
  return importRecordId(jobId, `account:${foldedName}`);
}
