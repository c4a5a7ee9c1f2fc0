import { loadForChange, stamp } from '../record-guards';
import type { UseCaseCall } from '../usecase-context';
import { unindexEmails } from './contact-rules';

/** Soft delete: the tombstone stays for sync; the sender lookup stops finding the contact at once. */
export async function deleteContact({ deps, principal, scope }: UseCaseCall, id: string, ifMatch: string | undefined): Promise<void> {
  const current = await loadForChange({ principal, scope }, 'delete', 'contact', deps.stores.contacts, id, ifMatch);
  const { etag: _etag, ...record } = current;
  const now = deps.now();
  await deps.stores.contacts.replace({ ...record, ...stamp(principal, now), deletedAt: now.toISOString() }, current.etag, current);
  await unindexEmails(deps, principal.tenantId, id, current.emails.map((email) => email.address));
}
