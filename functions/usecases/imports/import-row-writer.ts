/**
 * Writes one prepared row through the create use cases (so the e-mail index, the rules and the
 * audit trail hold exactly as for a record typed in a pane) and says what happened to it. A row
 * is created whole or reported; an error of the platform (not of the row) is thrown, so the
 * queue retries the batch.
 */
import { AppError } from '../../../shared/domain/errors';
import type { ImportJobRecord, RowOutcome } from '../../../shared/domain/import-job';
import { createAccount } from '../accounts/create-account.usecase';
import { createContact } from '../contacts/create-contact.usecase';
import type { UseCaseCall } from '../usecase-context';
import type { AccountResolver } from './account-resolver';
import { findExistingDuplicate } from './existing-records';
import { rowRecordId } from './import-ids';
import type { PreparedRow } from './prepared-rows';
import { issue, type ValidatedRow } from './row-validation';

export interface RowWriter {
  call: UseCaseCall;
  job: Pick<ImportJobRecord, 'id' | 'entity' | 'duplicatePolicy'>;
  resolveCompany: AccountResolver;
}

export async function writeRow(writer: RowWriter, prepared: PreparedRow): Promise<RowOutcome> {
  const { row, validated } = prepared;
  if (!validated.valid) return { row, result: 'failed', errors: validated.issues.map((problem) => ({ row, ...problem })) };
  const ownId = rowRecordId(writer.job.id, row);
  const skip = writer.job.duplicatePolicy === 'skip' ? await duplicateOf(writer, prepared, ownId) : undefined;
  if (skip) return skip;
  try {
    await create(writer, validated, ownId);
    return { row, result: 'created' };
  } catch (error) {
    // The id is this row's own: an earlier delivery of the same job already wrote it.
    if (error instanceof AppError && error.code === 'CONFLICT') return { row, result: 'created' };
    if (error instanceof AppError && (error.code === 'VALIDATION' || error.code === 'FORBIDDEN')) {
      return { row, result: 'failed', errors: rowErrorsOf(error, validated).map((problem) => ({ row, ...problem })) };
    }
    throw error;
  }
}

async function duplicateOf(writer: RowWriter, prepared: PreparedRow, ownId: string): Promise<RowOutcome | undefined> {
  const { row, inFile } = prepared;
  if (inFile) {
    return { row, result: 'skipped', skip: { row, field: inFile.field, message: `repeats ${inFile.value} of row ${inFile.row}`, duplicateOfRow: inFile.row } };
  }
  const existing = await findExistingDuplicate(writer.call.deps, writer.call.principal.tenantId, prepared.keys, ownId);
  if (!existing) return undefined;
  const message = `${existing.name || `an existing ${writer.job.entity}`} already has ${existing.key.value}`;
  return { row, result: 'skipped', skip: { row, field: existing.key.field, message, duplicateOf: existing.id } };
}

async function create(writer: RowWriter, validated: Extract<ValidatedRow, { valid: true }>, id: string): Promise<void> {
  const call: UseCaseCall = { ...writer.call, deps: { ...writer.call.deps, newId: () => id } };
  if (validated.entity === 'account') {
    await createAccount(call, validated.input);
    return;
  }
  let input = validated.input;
  const company = validated.mapped.company;
  if (company && !input.accountId) {
    const resolution = await writer.resolveCompany(company);
    if ('problem' in resolution) throw new AppError('VALIDATION', resolution.problem, { issues: [{ field: 'accountId', message: resolution.problem }] });
    input = { ...input, accountId: resolution.accountId };
  }
  await createContact(call, input);
}

function rowErrorsOf(error: AppError, validated: ValidatedRow): Array<{ field: string; column?: string; message: string }> {
  if (error.issues.length) return error.issues.map((problem) => issue(validated.mapped, problem.field, problem.message));
  // FORBIDDEN without a field: giving records to another owner is the usual cause in an import.
  const field = error.code === 'FORBIDDEN' && validated.mapped.candidate.ownerId !== undefined ? 'ownerId' : '';
  return [issue(validated.mapped, field, error.message)];
}
