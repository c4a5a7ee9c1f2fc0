/**
 * A mapped row checked with the very schemas the API checks a create with, so an imported record
 * obeys the same rules as one typed in a pane. Errors name the field and the file's column.
 */
import type { z } from 'zod';
import { AccountCreate } from '../../../shared/contracts/accounts.contract';
import { ContactCreate } from '../../../shared/contracts/contacts.contract';
import type { ImportEntity } from '../../../shared/domain/import-fields';
import { columnOf, type MappedRow } from '../../../shared/domain/import-mapping';

export interface RowIssue {
  field: string;
  column?: string;
  message: string;
}

export type ValidatedRow =
  | { valid: true; entity: 'contact'; input: ContactCreate; mapped: MappedRow }
  | { valid: true; entity: 'account'; input: AccountCreate; mapped: MappedRow }
  | { valid: false; entity: ImportEntity; issues: RowIssue[]; mapped: MappedRow };

/** `locked`: fields the importer's role may not set (field-level security), refused as in the API. */
export function validateRow(entity: ImportEntity, mapped: MappedRow, locked: ReadonlySet<string> = new Set()): ValidatedRow {
  const forbidden = lockedIssues(mapped, locked);
  if (entity === 'contact') {
    const parsed = ContactCreate.safeParse(mapped.candidate);
    if (parsed.success && !forbidden.length) return { valid: true, entity, input: parsed.data, mapped };
    return { valid: false, entity, issues: [...(parsed.success ? [] : issuesOf(parsed.error, mapped)), ...forbidden], mapped };
  }
  const parsed = AccountCreate.safeParse(mapped.candidate);
  if (parsed.success && !forbidden.length) return { valid: true, entity, input: parsed.data, mapped };
  return { valid: false, entity, issues: [...(parsed.success ? [] : issuesOf(parsed.error, mapped)), ...forbidden], mapped };
}

function lockedIssues(mapped: MappedRow, locked: ReadonlySet<string>): RowIssue[] {
  if (locked.size === 0) return [];
  const set = Object.entries(mapped.candidate)
    .filter(([, value]) => !(Array.isArray(value) && value.length === 0))
    .map(([field]) => field);
  if (mapped.company) set.push('accountId');
  return set.filter((field) => locked.has(field)).map((field) => issue(mapped, field, 'your role may not set this field'));
}

export function issue(mapped: Pick<MappedRow, 'sources'>, field: string, message: string): RowIssue {
  const column = columnOf(mapped, field);
  return column === undefined ? { field, message } : { field, column, message };
}

function issuesOf(error: z.ZodError, mapped: MappedRow): RowIssue[] {
  return error.issues.map((zodIssue) => {
    const field = zodIssue.path.map(String).join('.');
    // A required field no column fills: say which field to map rather than "expected string".
    const message = zodIssue.code === 'invalid_type' && columnOf(mapped, field) === undefined ? 'is required: map a column to it' : zodIssue.message;
    return issue(mapped, field, message);
  });
}
