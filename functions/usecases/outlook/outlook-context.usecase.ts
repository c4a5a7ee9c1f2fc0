import type { OutlookContextRequest } from '../../../shared/contracts/outlook.contract';
import type { AccountRecord } from '../../../shared/domain/account';
import { assertCan, can } from '../../../shared/domain/access-policy';
import type { ActivityRecord } from '../../../shared/domain/activity';
import { nextOccurrenceStart } from '../../../shared/domain/activity-schedule';
import type { ContactRecord } from '../../../shared/domain/contact';
import type { HistoryEntry } from '../../../shared/domain/history';
import type { OpportunityRecord } from '../../../shared/domain/opportunity';
import type { Versioned } from '../../../shared/domain/record';
import { canSee } from '../../../shared/domain/record-access';
import type { TrackedEmailRecord } from '../../../shared/domain/tracked-email';
import { listActivities } from '../activities/read-activities.usecase';
import { lookupContacts, type LookupMatch } from '../contacts/lookup-contacts.usecase';
import { listOpportunities } from '../opportunities/read-opportunities.usecase';
import type { UseCaseCall } from '../usecase-context';
import { findLinkedMeeting } from './link-meeting.usecase';
import { suggestParticipant, type ParticipantSuggestionsResult } from './participant-suggestions.usecase';
import { findTrackedEmail } from './track-email.usecase';

/** Caps that keep a 100-attendee meeting as cheap as a few reads per person. */
export const CONTEXT_LIMITS = {
  /** Contacts whose activities and history are read; later cards carry none. */
  detailedContacts: 20,
  /** Accounts given a panel with their open deals. */
  accounts: 20,
  /** Unknown addresses given suggestions. */
  suggestedParticipants: 10,
  upcomingActivities: 5,
  recentHistory: 5,
  openOpportunities: 10,
  /** Open deals read per account before sorting by close date. */
  opportunitiesScanned: 50,
} as const;

type Participant = OutlookContextRequest['participants'][number];

export interface ContactDetails {
  contact: Versioned<ContactRecord>;
  /** `nextStart`: when each happens next (a series' next occurrence), soonest first. */
  upcoming: Array<Versioned<ActivityRecord> & { nextStart?: string }>;
  history: HistoryEntry[];
  detailsOmitted: boolean;
}

export interface AccountDetails {
  account: Versioned<AccountRecord>;
  openOpportunities: Array<Versioned<OpportunityRecord>>;
}

export interface ParticipantMatch extends Participant {
  contactIds: string[];
  suggestions?: ParticipantSuggestionsResult;
}

export interface OutlookContextResult {
  participants: ParticipantMatch[];
  contacts: ContactDetails[];
  accounts: AccountDetails[];
  tracked: Versioned<TrackedEmailRecord> | null;
  meeting: Versioned<ActivityRecord> | null;
  /** Display names of the tenant's users by id, for the owners on cards, panels and deals. */
  ownerNames: ReadonlyMap<string, string>;
}

/** Senders and organisers are who the pane is about: their cards come first and get details first. */
const ROLE_ORDER: Record<Participant['role'], number> = { from: 0, organizer: 0, to: 1, attendee: 1, cc: 2 };

function distinctAddresses(participants: readonly Participant[]): string[] {
  const ordered = [...participants].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
  return [...new Set(ordered.map((participant) => participant.email))];
}

function distinctById<T extends { id: string }>(records: T[]): T[] {
  return [...new Map(records.map((record) => [record.id, record])).values()];
}

/**
 * The Outlook pane's whole view of an item in one request. Independent reads run together: the
 * addresses through the e-mail index (point reads), then every card's activities and history,
 * every account's deals and every unknown address's suggestions at once.
 */
export async function outlookContext(call: UseCaseCall, request: OutlookContextRequest): Promise<OutlookContextResult> {
  const { deps, principal, scope } = call;
  assertCan(principal, 'read', 'contact');
  const addresses = distinctAddresses(request.participants);
  const item = request.item;
  const [lookups, tracked, meeting] = await Promise.all([
    Promise.all(addresses.map((address) => lookupContacts(call, address))),
    item?.kind === 'message' && can(principal, 'read', 'email') ? findTrackedEmail(deps, principal.tenantId, item) : null,
    item?.kind === 'appointment' ? findLinkedMeeting(call, item.key) : null,
  ]);
  const matches = new Map<string, LookupMatch[]>(
    addresses.map((address, index) => [address, (lookups[index] ?? []).filter((match) => canSee(principal, scope, 'contact', match.contact))]),
  );
  const contacts = distinctById([...matches.values()].flat().map((match) => match.contact));
  const accounts = distinctById(
    [...matches.values()].flat().flatMap((match) => (match.account && canSee(principal, scope, 'account', match.account) ? [match.account] : [])),
  ).slice(0, CONTEXT_LIMITS.accounts);
  const unknown = addresses.filter((address) => matches.get(address)?.length === 0).slice(0, CONTEXT_LIMITS.suggestedParticipants);
  const nameOf = (address: string) => request.participants.find((participant) => participant.email === address && participant.name)?.name;

  const [cards, panels, suggestions, ownerNames] = await Promise.all([
    Promise.all(contacts.map((contact, index) => contactDetails(call, contact, index < CONTEXT_LIMITS.detailedContacts))),
    Promise.all(accounts.map((account) => accountDetails(call, account))),
    Promise.all(unknown.map((address) => suggestParticipant(call, address, nameOf(address)))),
    // One read of the directory for every owner shown (cached briefly per instance), not one per record.
    // Names only decorate the cards: without the directory they show without owner names.
    contacts.length > 0
      ? deps.stores.userDirectory.names(principal.tenantId).catch((error: unknown) => {
          console.warn(`Owner names unavailable for tenant ${principal.tenantId}; cards show without them.`, error);
          return new Map<string, string>();
        })
      : new Map<string, string>(),
  ]);
  const suggested = new Map(unknown.map((address, index) => [address, suggestions[index]]));
  const participants = request.participants.map((participant): ParticipantMatch => {
    const contactIds = (matches.get(participant.email) ?? []).map((match) => match.contact.id);
    const forUnknown = contactIds.length === 0 ? suggested.get(participant.email) : undefined;
    return { ...participant, contactIds, ...(forUnknown ? { suggestions: forUnknown } : {}) };
  });
  return { participants, contacts: cards, accounts: panels, tracked, meeting, ownerNames };
}

async function contactDetails(call: UseCaseCall, contact: Versioned<ContactRecord>, detailed: boolean): Promise<ContactDetails> {
  if (!detailed) return { contact, upcoming: [], history: [], detailsOmitted: true };
  const { deps, principal } = call;
  const [upcoming, history] = await Promise.all([
    can(principal, 'read', 'activity')
      ? listActivities(call, { regardingType: 'contact', regardingId: contact.id, status: 'open', from: 'now', limit: CONTEXT_LIMITS.upcomingActivities })
      : null,
    // The contact is visible (checked by the caller), so its timeline is, as GET contacts/{id}/history answers it.
    deps.stores.history.page(principal.tenantId, { entity: 'contact', id: contact.id }, { limit: CONTEXT_LIMITS.recentHistory }),
  ]);
  const now = deps.now();
  const soonest = (upcoming?.items ?? [])
    .map((activity) => ({ ...activity, nextStart: nextOccurrenceStart(activity, now) }))
    .sort((a, b) => (a.nextStart ?? a.dueDate ?? '').localeCompare(b.nextStart ?? b.dueDate ?? ''));
  return { contact, upcoming: soonest, history: history.items, detailsOmitted: false };
}

/** Open deals the caller may see, soonest expected close first (the list itself is sorted by name). */
async function accountDetails(call: UseCaseCall, account: Versioned<AccountRecord>): Promise<AccountDetails> {
  if (!can(call.principal, 'read', 'opportunity')) return { account, openOpportunities: [] };
  const page = await listOpportunities(call, { accountId: account.id, status: 'open', limit: CONTEXT_LIMITS.opportunitiesScanned });
  const openOpportunities = [...page.items]
    .sort((a, b) => a.expectedCloseDate.localeCompare(b.expectedCloseDate) || a.id.localeCompare(b.id))
    .slice(0, CONTEXT_LIMITS.openOpportunities);
  return { account, openOpportunities };
}
