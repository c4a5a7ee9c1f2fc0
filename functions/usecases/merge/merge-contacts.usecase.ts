/**
 * Merging two contacts that are one person. The survivor keeps everything: e-mails and phones
 * united (the sender lookup finds it by either person's addresses), activities and deals moved
 * over, the duplicate's timeline copied; the duplicate becomes a tombstone pointing at it.
 */
import type { ContactMerge } from '../../../shared/contracts/duplicates.contract';
import { assertCanSetOwner } from '../../../shared/domain/access-policy';
import { contactEmailSet, contactFullName, emailChanges, type ContactRecord } from '../../../shared/domain/contact';
import type { Versioned } from '../../../shared/domain/record';
import { accountNameFor, indexEmails, unindexEmails } from '../contacts/contact-rules';
import { stamp } from '../record-guards';
import type { UseCaseCall } from '../usecase-context';
import { mergeContactRecords, type MergeMarks } from './merge-fields';
import { absorbed, carryTimeline, loadMergePair } from './merge-pair';
import { repointActivities, repointContactDeals } from './repoint';

/** The survivor with the duplicate's data: addresses indexed for it before the write, as every contact write does. */
async function absorb(call: UseCaseCall, survivor: Versioned<ContactRecord>, duplicate: Versioned<ContactRecord>, choices: ContactMerge['fields']): Promise<Versioned<ContactRecord>> {
  const { deps, principal } = call;
  const { etag, ...kept } = survivor;
  const { etag: _etag, ...gone } = duplicate;
  const merged: ContactRecord & MergeMarks = { ...mergeContactRecords(kept, gone, choices ?? {}), mergedFrom: absorbed(survivor, duplicate.id), ...stamp(principal, deps.now()) };
  if (merged.ownerId !== survivor.ownerId) assertCanSetOwner(principal, 'contact', merged.ownerId);
  if (merged.accountId && merged.accountId !== survivor.accountId) merged.accountName = await accountNameFor(deps, principal.tenantId, merged.accountId);
  await indexEmails(deps, principal.tenantId, survivor.id, emailChanges(contactEmailSet(survivor), contactEmailSet(merged)).added);
  return deps.stores.contacts.replace(merged, etag);
}

export async function mergeContacts(call: UseCaseCall, survivorId: string, body: ContactMerge, ifMatch: string | undefined): Promise<Versioned<ContactRecord>> {
  const { deps, principal } = call;
  const tenantId = principal.tenantId;
  const { contacts } = deps.stores;
  const pair = await loadMergePair<ContactRecord>(call, 'contact', (id) => contacts.get(tenantId, id), { survivorId, duplicateId: body.duplicateId }, ifMatch);
  const { duplicate } = pair;
  const addresses = duplicate.emails.map((email) => email.address);
  if (pair.state === 'done') {
    await unindexEmails(deps, tenantId, duplicate.id, addresses);
    return pair.survivor;
  }
  const survivor = pair.state === 'fresh' ? await absorb(call, pair.survivor, duplicate, body.fields) : pair.survivor;
  const [from, to] = [{ entity: 'contact' as const, id: duplicate.id }, { entity: 'contact' as const, id: survivor.id }];
  await repointActivities(call, from, to);
  await repointContactDeals(call, duplicate.id, survivor.id);
  await carryTimeline(call, 'contact', survivor.id, { id: duplicate.id, label: contactFullName(duplicate) });
  const { etag, ...record } = duplicate;
  const now = deps.now();
  const tombstone: ContactRecord & MergeMarks = { ...record, ...stamp(principal, now), deletedAt: now.toISOString(), mergedInto: survivor.id };
  await contacts.replace(tombstone, etag);
  // After the tombstone, as a delete does: the lookup now finds only the survivor by these addresses.
  await unindexEmails(deps, tenantId, duplicate.id, addresses);
  return survivor;
}
