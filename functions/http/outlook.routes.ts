/** The Outlook pane's endpoints: the context of an item, e-mail tracking and meeting linking. */
import { api } from '../../shared/contracts/api.contract';
import type {
  AccountPanel,
  ActivitySummary,
  ContactCard,
  LinkedMeeting,
  OpportunitySummary,
  OutlookContext,
  ParticipantSuggestions,
  TrackedEmail,
} from '../../shared/contracts/outlook.contract';
import { concernedRefs, type ActivityRecord } from '../../shared/domain/activity';
import { contactFullName, type ContactRecord } from '../../shared/domain/contact';
import type { FieldPolicy } from '../../shared/domain/field-security';
import type { OpportunityRecord } from '../../shared/domain/opportunity';
import type { Versioned } from '../../shared/domain/record';
import type { TrackedEmailRecord } from '../../shared/domain/tracked-email';
import { linkMeeting } from '../usecases/outlook/link-meeting.usecase';
import { outlookContext, type AccountDetails, type ContactDetails, type OutlookContextResult } from '../usecases/outlook/outlook-context.usecase';
import type { ParticipantSuggestionsResult } from '../usecases/outlook/participant-suggestions.usecase';
import { getTrackedEmail, trackEmail } from '../usecases/outlook/track-email.usecase';
import type { EndpointBinding } from './endpoint-binding';
import { bind, callOf } from './endpoint-binding';
import { toHttpEtag } from './http-pipeline';

/**
 * Names shown on cards are derived from fields that field rules may hide (the response schemas'
 * redaction then removes the fields themselves): a hidden first name must not reappear in them.
 */
function visibleName(contact: ContactRecord, hidden: ReadonlySet<string>): string {
  return contactFullName({ firstName: hidden.has('firstName') ? undefined : contact.firstName, lastName: hidden.has('lastName') ? '' : contact.lastName });
}

/** An owner's name from the directory; none where a field rule hides the owner (`ownerId`) from the caller, as the id itself is. */
type OwnerNameOf = (ownerId: string) => string | undefined;

function ownerNamesFor(names: ReadonlyMap<string, string>, hidden: ReadonlySet<string>): OwnerNameOf {
  return (ownerId) => (hidden.has('ownerId') ? undefined : names.get(ownerId));
}

function toActivitySummary(activity: ActivityRecord & { nextStart?: string }): ActivitySummary {
  const { id, type, subject, dueDate, status } = activity;
  return { id, type, subject, start: activity.nextStart ?? activity.start, dueDate, status };
}

function toContactCard(details: ContactDetails, hidden: ReadonlySet<string>, ownerNameOf: OwnerNameOf): ContactCard {
  const { contact } = details;
  const phone = hidden.has('phones') ? undefined : contact.phones[0]?.number;
  return {
    id: contact.id,
    etag: toHttpEtag(contact.etag),
    firstName: contact.firstName,
    lastName: contact.lastName,
    displayName: visibleName(contact, hidden),
    jobTitle: contact.jobTitle,
    accountId: contact.accountId,
    accountName: contact.accountName,
    phone,
    emails: contact.emails.map((email) => email.address),
    ownerId: contact.ownerId,
    ownerName: ownerNameOf(contact.ownerId),
    upcomingActivities: details.upcoming.map(toActivitySummary),
    recentHistory: details.history,
    ...(details.detailsOmitted ? { detailsOmitted: true } : {}),
  };
}

function toOpportunitySummary(deal: Versioned<OpportunityRecord>, ownerNameOf: OwnerNameOf): OpportunitySummary {
  const { id, name, accountId, stage, amount, currency, expectedCloseDate, probability } = deal;
  return { id, etag: toHttpEtag(deal.etag), name, accountId, stage, amount, currency, expectedCloseDate, probability, ownerName: ownerNameOf(deal.ownerId) };
}

function toAccountPanel({ account, openOpportunities }: AccountDetails, ownerNameOf: OwnerNameOf, dealOwnerNameOf: OwnerNameOf): AccountPanel {
  return {
    id: account.id,
    name: account.name,
    ownerId: account.ownerId,
    ownerName: ownerNameOf(account.ownerId),
    openOpportunities: openOpportunities.map((deal) => toOpportunitySummary(deal, dealOwnerNameOf)),
  };
}

function toSuggestions(result: ParticipantSuggestionsResult, hidden: ReadonlySet<string>): ParticipantSuggestions {
  return {
    accounts: result.accounts.map(({ account, reason }) => ({ id: account.id, name: account.name, reason })),
    contacts: result.contacts.map(({ contact, reason }) => ({
      id: contact.id,
      displayName: visibleName(contact, hidden),
      accountId: contact.accountId,
      accountName: contact.accountName,
      reason,
    })),
    prefill: result.prefill,
  };
}

export function toTrackedEmail(record: TrackedEmailRecord, alreadyTracked: boolean): TrackedEmail {
  const { id, internetMessageId, trackingId, subject, from, to, cc, sentAt, excerpt, regarding, historyEntryId } = record;
  return { id, internetMessageId, trackingId, subject, from, to, cc, sentAt, excerpt, regarding, trackedBy: record.createdBy, trackedAt: record.createdAt, historyEntryId, alreadyTracked };
}

export function toLinkedMeeting(activity: Versioned<ActivityRecord>): LinkedMeeting {
  const { completion } = activity;
  return {
    activityId: activity.id,
    etag: toHttpEtag(activity.etag),
    subject: activity.subject,
    start: activity.start ?? '',
    end: activity.end ?? '',
    status: activity.status,
    ...(completion ? { completion: { result: completion.result, completedAt: completion.completedAt } } : {}),
    regarding: concernedRefs(activity),
    linkedAt: activity.createdAt,
  };
}

function toOutlookContext(result: OutlookContextResult, policy: FieldPolicy): OutlookContext {
  const hidden = policy.hidden('contact');
  const { ownerNames } = result;
  const contactOwnerName = ownerNamesFor(ownerNames, hidden);
  const accountOwnerName = ownerNamesFor(ownerNames, policy.hidden('account'));
  const dealOwnerName = ownerNamesFor(ownerNames, policy.hidden('opportunity'));
  return {
    participants: result.participants.map(({ suggestions, ...participant }) => ({
      ...participant,
      ...(suggestions ? { suggestions: toSuggestions(suggestions, hidden) } : {}),
    })),
    contacts: result.contacts.map((details) => toContactCard(details, hidden, contactOwnerName)),
    accounts: result.accounts.map((details) => toAccountPanel(details, accountOwnerName, dealOwnerName)),
    tracked: result.tracked ? toTrackedEmail(result.tracked, true) : null,
    meeting: result.meeting ? toLinkedMeeting(result.meeting) : null,
  };
}

function trackedLocation(record: TrackedEmailRecord): string {
  const query = record.trackingId ? `trackingId=${record.trackingId}` : `messageId=${encodeURIComponent(record.internetMessageId ?? '')}`;
  return `/api/emails/tracked?${query}`;
}

export const outlookRoutes: EndpointBinding[] = [
  bind(api.outlookContext, async (input) => {
    const call = callOf(input);
    const [result, policy] = await Promise.all([outlookContext(call, input.body), input.services.fieldPolicy(call.principal)]);
    return { body: toOutlookContext(result, policy) };
  }),
  bind(api.trackEmail, async (input) => {
    const { record, created } = await trackEmail(callOf(input), input.body);
    return { body: toTrackedEmail(record, !created), status: created ? 201 : 200, ...(created ? { headers: { Location: trackedLocation(record) } } : {}) };
  }),
  bind(api.getTrackedEmail, async (input) => {
    const { messageId, trackingId } = input.query;
    return { body: toTrackedEmail(await getTrackedEmail(callOf(input), { internetMessageId: messageId, trackingId }), true) };
  }),
  bind(api.linkMeeting, async (input) => {
    const { activity, created } = await linkMeeting(callOf(input), input.body);
    return {
      body: toLinkedMeeting(activity),
      etag: activity.etag,
      status: created ? 201 : 200,
      ...(created ? { headers: { Location: `/api/activities/${activity.id}` } } : {}),
    };
  }),
];
