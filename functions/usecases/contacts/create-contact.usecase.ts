import type { ContactCreate } from '../../../shared/contracts/contacts.contract';
import { assertCan, assertCanSetOwner } from '../../../shared/domain/access-policy';
import type { ContactRecord } from '../../../shared/domain/contact';
import type { Versioned } from '../../../shared/domain/record';
import { newRecordFields } from '../record-guards';
import type { UseCaseCall } from '../usecase-context';
import { accountNameFor, indexEmails } from './contact-rules';

export async function createContact({ deps, principal }: UseCaseCall, input: ContactCreate): Promise<Versioned<ContactRecord>> {
  assertCan(principal, 'create', 'contact');
  const ownerId = input.ownerId ?? principal.userId;
  assertCanSetOwner(principal, 'contact', ownerId);
  const accountName = input.accountId ? await accountNameFor(deps, principal.tenantId, input.accountId) : undefined;
  const record: ContactRecord = { ...input, ...(accountName !== undefined ? { accountName } : {}), ...newRecordFields(deps, principal, ownerId) };
  await indexEmails(deps, principal.tenantId, record.id, record.emails.map((email) => email.address));
  return deps.stores.contacts.create(record);
}
