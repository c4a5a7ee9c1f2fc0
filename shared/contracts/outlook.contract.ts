/**
 * The Outlook pane's side of the API: the context of a message or appointment in one request,
 * e-mail tracking and meeting linking. Cards and summaries are registered record schemas
 * (record-schemas.ts), so field-level security removes hidden fields from them as from any record.
 */
import { z } from 'zod';
import { canonicalInstant } from '../domain/activity-schedule';
import { normalizeEmail } from '../domain/text-normalization';
import { ActivityStatus, ActivityType, TimeZone } from './activities.contract';
import { RecordId, ShortText } from './common';
import { HistoryEntry, RecordRef } from './history.contract';

export const PARTICIPANT_ROLES = ['from', 'to', 'cc', 'organizer', 'attendee'] as const;

const Instant = z.iso.datetime({ message: 'must be an ISO 8601 date-time in UTC, like 2026-09-01T09:00:00Z' }).transform(canonicalInstant);
const InternetMessageId = z.string().trim().min(1, { message: 'must not be empty' }).max(998, { message: 'must be at most 998 characters' });
const TrackingId = z.uuid({ message: 'must be a UUID' }).transform((id) => id.toLowerCase());
const MeetingKey = z.string().trim().min(1, { message: 'must not be empty' }).max(500, { message: 'must be at most 500 characters' });
const PersonName = ShortText(300);
const OwnerName = z
  .string()
  .optional()
  .meta({ description: "The owner's display name from the tenant's user directory (users appear once they have signed in); absent when unknown or when the owner is hidden from you." });

function noRepeats(ids: string[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [index], message: 'appears twice' });
    seen.add(id);
  });
}

// ---- Context of the selected item ----

/**
 * Any text Outlook shows as an address is accepted and lower-cased: an address that is not an
 * e-mail (an Exchange X.500 path of an internal sender) simply matches nobody.
 */
const ParticipantAddress = z.string().trim().min(1, { message: 'must not be empty' }).max(320, { message: 'must be at most 320 characters' }).transform(normalizeEmail);

export const OutlookParticipant = z
  .strictObject({ email: ParticipantAddress, name: PersonName.optional(), role: z.enum(PARTICIPANT_ROLES, { message: `must be one of ${PARTICIPANT_ROLES.join(', ')}` }) })
  .meta({ id: 'OutlookParticipant' });

export const OutlookItem = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('message'), internetMessageId: InternetMessageId.optional(), trackingId: TrackingId.optional() }),
    z.strictObject({ kind: z.literal('appointment'), key: MeetingKey.meta({ description: "The appointment's iCalUId (or item id), as linkMeeting was given." }) }),
  ])
  .meta({ id: 'OutlookItem' });

export const OutlookContextRequest = z
  .strictObject({
    participants: z.array(OutlookParticipant).min(1, { message: 'must name at least one participant' }).max(100, { message: 'must have at most 100 participants' }),
    item: OutlookItem.optional(),
  })
  .meta({ id: 'OutlookContextRequest' });
export type OutlookContextRequest = z.infer<typeof OutlookContextRequest>;

export const ActivitySummary = z
  .object({ id: z.string(), type: ActivityType, subject: z.string(), start: z.string().optional(), dueDate: z.string().optional(), status: ActivityStatus })
  .meta({ id: 'ActivitySummary' });
export type ActivitySummary = z.infer<typeof ActivitySummary>;

export const ContactCard = z
  .object({
    id: z.string(),
    etag: z.string(),
    firstName: z.string().optional(),
    lastName: z.string(),
    displayName: z.string(),
    jobTitle: z.string().optional(),
    accountId: z.string().optional(),
    accountName: z.string().optional(),
    phone: z.string().optional().meta({ description: 'The first phone number.' }),
    emails: z.array(z.string()),
    ownerId: z.string(),
    ownerName: OwnerName,
    upcomingActivities: z.array(ActivitySummary).meta({ description: 'At most 5 open activities going on or due from now on that you may see, soonest first.' }),
    recentHistory: z.array(HistoryEntry).meta({ description: 'The latest 5 timeline entries, newest first.' }),
    detailsOmitted: z.boolean().optional().meta({ description: 'True on cards past the first 20: their activities and history are not read (open the contact for them).' }),
  })
  .meta({ id: 'ContactCard' });
export type ContactCard = z.infer<typeof ContactCard>;

export const OpportunitySummary = z
  .object({
    id: z.string(),
    etag: z.string(),
    name: z.string(),
    accountId: z.string(),
    stage: z.string(),
    amount: z.number().optional(),
    currency: z.string().optional(),
    expectedCloseDate: z.string().optional(),
    probability: z.number().optional(),
    ownerName: OwnerName,
  })
  .meta({ id: 'OpportunitySummary' });
export type OpportunitySummary = z.infer<typeof OpportunitySummary>;

export const AccountPanel = z
  .object({
    id: z.string(),
    name: z.string(),
    ownerId: z.string(),
    ownerName: OwnerName,
    openOpportunities: z.array(OpportunitySummary).meta({ description: 'At most 10 open deals you may see, soonest expected close first.' }),
  })
  .meta({ id: 'AccountPanel' });
export type AccountPanel = z.infer<typeof AccountPanel>;

export const SuggestedAccount = z
  .object({ id: z.string(), name: z.string(), reason: z.string().meta({ description: "'email-domain', 'similar-company' or 'same-phone'." }) })
  .meta({ id: 'SuggestedAccount' });

export const SuggestedContact = z
  .object({
    id: z.string(),
    displayName: z.string(),
    accountId: z.string().optional(),
    accountName: z.string().optional(),
    reason: z.string().meta({ description: "'alternate-email' (the same mailbox name at another domain), 'similar-name' or 'same-phone'." }),
  })
  .meta({ id: 'SuggestedContact' });

export const ParticipantSuggestions = z
  .object({
    accounts: z.array(SuggestedAccount),
    contacts: z.array(SuggestedContact),
    prefill: z
      .object({ firstName: z.string().optional(), lastName: z.string().optional(), accountId: z.string().optional() })
      .meta({ description: 'For a one-click "add to CRM" form: names from the display name (or the address), the account of the domain.' }),
  })
  .meta({ id: 'ParticipantSuggestions' });
export type ParticipantSuggestions = z.infer<typeof ParticipantSuggestions>;

export const ParticipantContext = z
  .object({
    email: z.string().meta({ description: 'Trimmed and lower-cased.' }),
    name: z.string().optional(),
    role: z.enum(PARTICIPANT_ROLES),
    contactIds: z.array(z.string()).meta({ description: 'The contacts with this address that you may see; empty when unknown.' }),
    suggestions: ParticipantSuggestions.optional().meta({ description: 'Only for unknown participants (the first 10 unknown addresses).' }),
  })
  .meta({ id: 'ParticipantContext' });

// ---- Tracked e-mails ----

/** Addresses as the message carries them: a recipient Outlook could not resolve must not stop the tracking (it runs on send). */
const MailPartyInput = z.strictObject({ email: ParticipantAddress, name: PersonName.optional() });
const MailParties = z.array(MailPartyInput).max(100, { message: 'must have at most 100 addresses' });
const MailParty = z.object({ email: z.string(), name: z.string().optional() }).meta({ id: 'MailParty' });

function oneMessageId(ids: { internetMessageId?: string; trackingId?: string; messageId?: string }, ctx: z.RefinementCtx, field: string): void {
  if (!ids.internetMessageId && !ids.messageId && !ids.trackingId) ctx.addIssue({ code: 'custom', path: [field], message: `give ${field} or trackingId` });
}

export const TrackEmailRequest = z
  .strictObject({
    internetMessageId: InternetMessageId.optional(),
    trackingId: TrackingId.optional().meta({ description: 'Set by the compose pane ("track when sent"); give it or internetMessageId, or both.' }),
    conversationId: ShortText(1000).optional(),
    subject: ShortText(400),
    from: MailPartyInput,
    to: MailParties.default([]),
    cc: MailParties.default([]),
    sentAt: Instant,
    bodyExcerpt: z.string().max(2000, { message: 'must be at most 2000 characters' }).default('').meta({ description: 'Plain text; the first 1000 characters are kept.' }),
    contactIds: z.array(RecordId).min(1, { message: 'must name at least one contact' }).max(20, { message: 'must have at most 20 contacts' }).superRefine(noRepeats),
    accountId: RecordId.optional(),
    opportunityId: RecordId.optional(),
  })
  .superRefine((body, ctx) => oneMessageId(body, ctx, 'internetMessageId'))
  .meta({ id: 'TrackEmailRequest' });
export type TrackEmailRequest = z.infer<typeof TrackEmailRequest>;

export const TrackedEmailQuery = z
  .strictObject({ messageId: InternetMessageId.optional().meta({ description: 'The internetMessageId, with or without its angle brackets.' }), trackingId: TrackingId.optional() })
  .superRefine((query, ctx) => oneMessageId(query, ctx, 'messageId'));
export type TrackedEmailQuery = z.infer<typeof TrackedEmailQuery>;

export const TrackedEmail = z
  .object({
    id: z.string(),
    internetMessageId: z.string().optional().meta({ description: 'In the header form, <id@host>.' }),
    trackingId: z.string().optional(),
    subject: z.string(),
    from: MailParty,
    to: z.array(MailParty),
    cc: z.array(MailParty),
    sentAt: z.string(),
    excerpt: z.string(),
    regarding: z.array(RecordRef).meta({ description: 'The contacts, the account and the opportunity it is on the timeline of.' }),
    trackedBy: z.string(),
    trackedAt: z.string(),
    historyEntryId: z.string(),
    alreadyTracked: z.boolean().meta({ description: 'False only in the answer that tracked it.' }),
  })
  .meta({ id: 'TrackedEmail' });
export type TrackedEmail = z.infer<typeof TrackedEmail>;

// ---- Linked meetings ----

export const MeetingLinkRequest = z
  .strictObject({
    key: MeetingKey.meta({ description: "The appointment's iCalUId (or item id): linking the same key again updates the same activity." }),
    subject: ShortText(400).meta({ description: 'Kept to 200 characters; an empty subject is stored as "Meeting".' }),
    start: Instant,
    end: Instant,
    timeZone: TimeZone,
    location: ShortText(500).optional().meta({ description: 'Kept to 200 characters.' }),
    contactIds: z.array(RecordId).max(50, { message: 'must have at most 50 contacts' }).superRefine(noRepeats).default([]),
    accountId: RecordId.optional(),
    opportunityId: RecordId.optional(),
  })
  .meta({ id: 'MeetingLinkRequest' });
export type MeetingLinkRequest = z.infer<typeof MeetingLinkRequest>;

export const LinkedMeeting = z
  .object({
    activityId: z.string(),
    etag: z.string().meta({ description: "The activity's version, for POST activities/{id}/complete." }),
    subject: z.string(),
    start: z.string(),
    end: z.string(),
    status: ActivityStatus,
    completion: z.object({ result: z.string(), completedAt: z.string() }).optional(),
    regarding: z.array(RecordRef).meta({ description: 'The account, the opportunity and every linked contact.' }),
    linkedAt: z.string(),
  })
  .meta({ id: 'LinkedMeeting' });
export type LinkedMeeting = z.infer<typeof LinkedMeeting>;

export const OutlookContext = z
  .object({
    participants: z.array(ParticipantContext).meta({ description: 'In the order sent.' }),
    contacts: z.array(ContactCard).meta({ description: 'Each matched contact once, senders and organisers first.' }),
    accounts: z.array(AccountPanel).meta({ description: "The matched contacts' accounts you may see, each once." }),
    tracked: TrackedEmail.nullable().meta({ description: 'For a message: its tracking, found by internetMessageId or trackingId.' }),
    meeting: LinkedMeeting.nullable().meta({ description: 'For an appointment: the meeting activity linked with its key, if you may see it.' }),
  })
  .meta({ id: 'OutlookContext' });
export type OutlookContext = z.infer<typeof OutlookContext>;
