import type { ContactUpdate } from '../../../shared/contracts/contacts.contract';
import { assertCanSetOwner } from '../../../shared/domain/access-policy';
import { contactEmailSet, emailChanges, type ContactRecord } from '../../../shared/domain/contact';
import type { Versioned } from '../../../shared/domain/record';
import { applyMergePatch } from '../merge-patch';
import { loadForChange, stamp } from '../record-guards';
import type { UseCaseCall } from '../usecase-context';
import { accountNameFor, indexEmails, unindexEmails } from './contact-rules';

export async function updateContact(
  { deps, principal, scope }: UseCaseCall,
  id: string,
  patch: ContactUpdate,
  ifMatch: string | undefined,
): Promise<Versioned<ContactRecord>> {
  const current = await loadForChange({ principal, scope }, 'update', 'contact', deps.stores.contacts, id, ifMatch);
  if (patch.ownerId !== undefined && patch.ownerId !== current.ownerId) assertCanSetOwner(principal, 'contact', patch.ownerId);
  const { etag: _etag, ...record } = current;
  const next: ContactRecord = { ...applyMergePatch<ContactRecord>(record, patch), ...stamp(principal, deps.now()) };
  if (patch.accountId === null) delete next.accountName;
  if (patch.accountId && patch.accountId !== current.accountId) {
    next.accountName = await accountNameFor(deps, principal.tenantId, patch.accountId);
  }
  const { added, removed } = emailChanges(contactEmailSet(current), contactEmailSet(next));
  await indexEmails(deps, principal.tenantId, id, added);
  const saved = await deps.stores.contacts.replace(next, current.etag, current);
  await unindexEmails(deps, principal.tenantId, id, removed);
  return saved;
}
