import { contactEmailSet } from '../../../shared/domain/contact';
import { isLive } from '../../../shared/domain/record';
import type { UseCaseDeps } from '../usecase-context';

/**
 * Nightly: drop index entries whose contact was deleted or no longer has the address (left by
 * a write that failed half-way). Readers already skip them; this keeps the index small.
 */
export async function pruneEmailIndex(deps: UseCaseDeps): Promise<{ scanned: number; removed: number }> {
  let scanned = 0;
  let removed = 0;
  for await (const entry of deps.stores.emailIndex.entries()) {
    scanned += 1;
    const contacts = await deps.stores.contacts.getMany(entry.tenantId, entry.contactIds);
    const valid = new Set(contacts.filter((contact) => isLive(contact) && contactEmailSet(contact).has(entry.email)).map((contact) => contact.id));
    for (const contactId of entry.contactIds.filter((id) => !valid.has(id))) {
      await deps.stores.emailIndex.remove(entry.tenantId, entry.email, contactId);
      removed += 1;
    }
  }
  return { scanned, removed };
}
