import type { ContactListQuery } from '../../../shared/contracts/contacts.contract';
import { assertCan } from '../../../shared/domain/access-policy';
import type { ContactRecord } from '../../../shared/domain/contact';
import type { Page, Versioned } from '../../../shared/domain/record';
import { searchTokens } from '../../../shared/domain/text-normalization';
import { requireReadable } from '../record-guards';
import type { UseCaseCall } from '../usecase-context';

export async function getContact({ deps, principal, scope }: UseCaseCall, id: string): Promise<Versioned<ContactRecord>> {
  assertCan(principal, 'read', 'contact');
  return requireReadable({ principal, scope }, await deps.stores.contacts.get(principal.tenantId, id), 'contact');
}

export async function listContacts({ deps, principal }: UseCaseCall, query: ContactListQuery): Promise<Page<Versioned<ContactRecord>>> {
  assertCan(principal, 'read', 'contact');
  const { limit, continuation, q, ...filters } = query;
  return deps.stores.contacts.list(principal.tenantId, { ...filters, keywords: q ? searchTokens(q) : undefined }, { limit, continuation });
}
