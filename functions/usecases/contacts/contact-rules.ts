import { AppError } from '../../../shared/domain/errors';
import { isLive } from '../../../shared/domain/record';
import type { UseCaseDeps } from '../usecase-context';

/** The account a contact works for must be a live account of the same tenant. */
export async function accountNameFor(deps: UseCaseDeps, tenantId: string, accountId: string): Promise<string> {
  const account = await deps.stores.accounts.get(tenantId, accountId);
  if (!account || !isLive(account)) {
    throw new AppError('VALIDATION', 'The account does not exist.', { issues: [{ field: 'accountId', message: 'no account with this id' }] });
  }
  return account.name;
}

/** Index entries first, record second: a crash in between leaves an extra entry that readers skip, never a missing one. */
export async function indexEmails(deps: UseCaseDeps, tenantId: string, contactId: string, emails: string[]): Promise<void> {
  await Promise.all(emails.map((email) => deps.stores.emailIndex.add(tenantId, email, contactId)));
}

export async function unindexEmails(deps: UseCaseDeps, tenantId: string, contactId: string, emails: string[]): Promise<void> {
  await Promise.all(emails.map((email) => deps.stores.emailIndex.remove(tenantId, email, contactId)));
}
