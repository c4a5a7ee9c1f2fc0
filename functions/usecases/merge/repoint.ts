/**
 * Moves what pointed at a merged-away record over to the survivor: activities, deals, contacts,
 * child accounts. Each step re-reads until nothing points at the duplicate any more, so it is
 * idempotent and a retry after a crash simply finishes the job.
 */
import { distinctRefs, type RecordRef } from '../../../shared/domain/history';
import type { ActivityRecord, Attendee } from '../../../shared/domain/activity';
import { AppError } from '../../../shared/domain/errors';
import type { Versioned } from '../../../shared/domain/record';
import { stamp } from '../record-guards';
import type { UseCaseCall } from '../usecase-context';

const BATCH = 100;

/** Re-points every record `next` still finds; a record found again did not move, which would never end. */
async function drain<T extends { id: string }>(next: () => Promise<T[]>, repoint: (record: T) => Promise<unknown>): Promise<number> {
  const done = new Set<string>();
  for (let batch = await next(); batch.length > 0; batch = await next()) {
    if (batch.some((record) => done.has(record.id))) throw new AppError('INTERNAL', 'A record kept pointing at the merged duplicate after it was re-pointed.');
    for (const record of batch) {
      await repoint(record);
      done.add(record.id);
    }
  }
  return done.size;
}

function swapRef(ref: RecordRef, from: RecordRef, to: RecordRef): RecordRef {
  return ref.entity === from.entity && ref.id === from.id ? to : ref;
}

function swapAttendees(attendees: Attendee[], from: RecordRef, to: RecordRef): Attendee[] {
  if (from.entity !== 'contact') return attendees;
  const moved = attendees.map((attendee) => (attendee.contactId === from.id ? { contactId: to.id } : attendee));
  // Both people may have attended: the survivor then attends once.
  const byKey = new Map(moved.map((attendee) => [attendee.contactId ? `contact:${attendee.contactId}` : `user:${attendee.userId ?? ''}`, attendee]));
  return [...byKey.values()];
}

/** Activities regarding the duplicate, or attended by it, now regard or are attended by the survivor. */
export function repointActivities(call: UseCaseCall, from: RecordRef, to: RecordRef): Promise<number> {
  const { deps, principal } = call;
  const { activities } = deps.stores;
  return drain(
    async () => (await activities.list(principal.tenantId, { concerning: from }, { limit: BATCH })).items,
    ({ etag, ...activity }: Versioned<ActivityRecord>) =>
      activities.replace(
        {
          ...activity,
          regarding: distinctRefs(activity.regarding.map((ref) => swapRef(ref, from, to))),
          attendees: swapAttendees(activity.attendees, from, to),
          ...stamp(principal, deps.now()),
        },
        etag,
      ),
  );
}

/** Deals whose primary contact was the duplicate. */
export function repointContactDeals(call: UseCaseCall, duplicateId: string, survivorId: string): Promise<number> {
  const { deps, principal } = call;
  const { opportunities } = deps.stores;
  return drain(
    async () => opportunities.getMany(principal.tenantId, await deps.stores.leads.references.opportunityIdsOfContact(principal.tenantId, duplicateId, BATCH)),
    ({ etag, ...deal }) => opportunities.replace({ ...deal, contactId: survivorId, ...stamp(principal, deps.now()) }, etag),
  );
}

/** Deals and contacts of the duplicate account, with their copy of the account's name. */
export async function repointAccountMembers(call: UseCaseCall, duplicateId: string, survivor: { id: string; name: string }): Promise<number> {
  const { deps, principal } = call;
  const { opportunities, contacts } = deps.stores;
  const tenantId = principal.tenantId;
  const moved = { accountId: survivor.id, accountName: survivor.name };
  const deals = await drain(
    async () => (await opportunities.list(tenantId, { accountId: duplicateId }, { limit: BATCH })).items,
    ({ etag, ...deal }) => opportunities.replace({ ...deal, ...moved, ...stamp(principal, deps.now()) }, etag),
  );
  const people = await drain(
    async () => (await contacts.list(tenantId, { accountId: duplicateId }, { limit: BATCH })).items,
    ({ etag, ...contact }) => contacts.replace({ ...contact, ...moved, ...stamp(principal, deps.now()) }, etag),
  );
  return deals + people;
}

/** Accounts whose parent was the duplicate now hang under the survivor (the survivor itself has no parent loop). */
export function repointChildAccounts(call: UseCaseCall, duplicateId: string, survivorId: string): Promise<number> {
  const { deps, principal } = call;
  const { accounts } = deps.stores;
  return drain(
    async () => accounts.getMany(principal.tenantId, await deps.stores.leads.references.childAccountIds(principal.tenantId, duplicateId, BATCH)),
    ({ etag, parentAccountId: _duplicate, ...child }) => {
      const parent = child.id === survivorId ? {} : { parentAccountId: survivorId };
      return accounts.replace({ ...child, ...parent, ...stamp(principal, deps.now()) }, etag);
    },
  );
}
