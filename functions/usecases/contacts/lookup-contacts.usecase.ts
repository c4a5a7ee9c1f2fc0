import type { AccountRecord } from '../../../shared/domain/account';
import { assertCan, can } from '../../../shared/domain/access-policy';
import { contactEmailSet, type ContactRecord } from '../../../shared/domain/contact';
import { isLive, type Versioned } from '../../../shared/domain/record';
import { normalizeEmail } from '../../../shared/domain/text-normalization';
import type { UseCaseCall } from '../usecase-context';

export interface LookupMatch {
  contact: Versioned<ContactRecord>;
  account: Versioned<AccountRecord> | null;
}

/**
 * The Outlook hot path: one point read of the index, then the contacts and their accounts by
 * id. Each contact is checked to still carry the address, so a stale index entry never shows.
 */
export async function lookupContacts({ deps, principal }: UseCaseCall, email: string): Promise<LookupMatch[]> {
  assertCan(principal, 'read', 'contact');
  const address = normalizeEmail(email);
  const ids = await deps.stores.emailIndex.contactIdsFor(principal.tenantId, address);
  if (ids.length === 0) return [];
  const contacts = (await deps.stores.contacts.getMany(principal.tenantId, ids)).filter(
    (contact) => isLive(contact) && contactEmailSet(contact).has(address),
  );
  const accountIds = contacts.map((contact) => contact.accountId).filter((id): id is string => Boolean(id));
  const accounts = accountIds.length && can(principal, 'read', 'account') ? await deps.stores.accounts.getMany(principal.tenantId, accountIds) : [];
  const liveAccounts = new Map(accounts.filter(isLive).map((account) => [account.id, account]));
  return contacts
    .map((contact) => ({ contact, account: (contact.accountId && liveAccounts.get(contact.accountId)) || null }))
    .sort((a, b) => a.contact.lastName.localeCompare(b.contact.lastName));
}

