import { z } from 'zod';
import { ACTIVITY_STATUSES, ACTIVITY_TYPES, PRIORITIES } from '../domain/activity';
import { canonicalInstant } from '../domain/activity-schedule';
import { TIMELINE_ENTITIES } from '../domain/history';
import { FREQUENCIES, RECURRENCE_LIMITS, WEEKDAYS } from '../domain/recurrence';
import { canonicalTimeZone, isValidTimeZone } from '../domain/time-zone';
import { IdParams, Keyword, PageQuery, RecordId, RecordMeta, RequiredText, ShortText, pageOf } from './common';
import { RecordRef } from './history.contract';

export const ActivityType = z.enum(ACTIVITY_TYPES, { message: `must be one of ${ACTIVITY_TYPES.join(', ')}` });
export const ActivityStatus = z.enum(ACTIVITY_STATUSES, { message: `must be one of ${ACTIVITY_STATUSES.join(', ')}` });
export const Priority = z.enum(PRIORITIES, { message: `must be one of ${PRIORITIES.join(', ')}` });

/** Stored in one spelling so instants sort and compare as text. */
const Instant = z.iso.datetime({ message: 'must be an ISO 8601 date-time in UTC, like 2026-09-01T09:00:00Z' }).transform(canonicalInstant);
const LocalDate = z.iso.date({ message: 'must be a date like 2026-09-01' });
const UserId = z.string().trim().min(1, { message: 'is required' }).max(100, { message: 'must be at most 100 characters' });

export const TimeZone = z
  .string()
  .trim()
  .max(64, { message: 'must be at most 64 characters' })
  .refine(isValidTimeZone, { message: 'must be an IANA time zone such as Europe/Paris or America/New_York' })
  .transform(canonicalTimeZone)
  .meta({ description: 'IANA time zone the activity was scheduled in; all-day bounds, due days and recurrences follow its wall clock.' });

export const Recurrence = z
  .strictObject({
    frequency: z.enum(FREQUENCIES, { message: `must be one of ${FREQUENCIES.join(', ')}` }),
    interval: z.number().int({ message: 'must be a whole number' }).min(1, { message: 'must be at least 1' }).max(99, { message: 'must be at most 99' }).default(1),
    daysOfWeek: z.array(z.enum(WEEKDAYS, { message: `must be one of ${WEEKDAYS.join(', ')}` })).min(1, { message: 'must name at least one day' }).max(7).optional(),
    count: z.number().int({ message: 'must be a whole number' }).min(1, { message: 'must be at least 1' }).max(RECURRENCE_LIMITS.maxCount, { message: `must be at most ${RECURRENCE_LIMITS.maxCount}` }).optional(),
    until: LocalDate.optional().meta({ description: 'Last date an occurrence may fall on, in the activity time zone (inclusive).' }),
  })
  .meta({ id: 'Recurrence', description: 'Every `interval` days, weeks (on `daysOfWeek`), months or years; ends after `count` occurrences or on `until`.' });

export const Attendee = z
  .strictObject({ userId: UserId.optional(), contactId: RecordId.optional() })
  .refine((attendee) => (attendee.userId === undefined) !== (attendee.contactId === undefined), { message: 'must give either userId or contactId' })
  .meta({ id: 'Attendee', description: 'A user of the tenant (Entra object id) or a contact of the CRM.' });

function noRepeats<T>(key: (item: T) => string) {
  return (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(key(item))) ctx.addIssue({ code: 'custom', path: [index], message: 'appears twice' });
      seen.add(key(item));
    });
  };
}

const Attendees = z.array(Attendee).max(100, { message: 'must have at most 100 attendees' }).superRefine(noRepeats((a) => a.userId ?? `contact:${a.contactId}`));
const Regarding = z
  .array(RecordRef)
  .max(10, { message: 'must name at most 10 records' })
  .superRefine(noRepeats((ref) => `${ref.entity}:${ref.id}`))
  .meta({ description: 'The accounts, contacts and opportunities the activity is about.' });
const Reminder = z.number().int({ message: 'must be a whole number' }).min(0, { message: 'must not be negative' }).max(40320, { message: 'must be at most 40320 (4 weeks)' });

const activityFields = {
  type: ActivityType,
  subject: RequiredText(200),
  description: ShortText(10000).optional(),
  ownerId: UserId.optional().meta({ description: 'Defaults to the caller; giving it to someone else needs the assign permission.' }),
  priority: Priority.default('normal'),
  location: ShortText(200).optional(),
  attendees: Attendees.default([]),
  regarding: Regarding.default([]),
  timeZone: TimeZone,
  start: Instant.optional().meta({ description: 'Calls, meetings and events.' }),
  end: Instant.optional().meta({ description: 'Calls, meetings and events; after start.' }),
  dueDate: LocalDate.optional().meta({ description: 'To-dos: due by the end of this day in timeZone.' }),
  allDay: z.boolean({ message: 'must be true or false' }).default(false),
  recurrence: Recurrence.optional(),
  reminderMinutesBefore: Reminder.optional().meta({ description: 'Minutes before the start (for a to-do, before the end of its due day).' }),
};

export const ActivityCreate = z.strictObject(activityFields).meta({ id: 'ActivityCreate' });
export type ActivityCreate = z.infer<typeof ActivityCreate>;

/** Merge-patch. The type is fixed once created; completing and reopening have their own endpoints. */
export const ActivityUpdate = z
  .strictObject({
    subject: activityFields.subject.optional(),
    description: ShortText(10000).nullable().optional(),
    ownerId: UserId.optional(),
    priority: Priority.optional(),
    location: ShortText(200).nullable().optional(),
    attendees: Attendees.optional(),
    regarding: Regarding.optional(),
    timeZone: TimeZone.optional(),
    start: Instant.optional(),
    end: Instant.optional(),
    dueDate: LocalDate.optional(),
    allDay: z.boolean({ message: 'must be true or false' }).optional(),
    recurrence: Recurrence.nullable().optional(),
    reminderMinutesBefore: Reminder.nullable().optional(),
    status: z.literal('cancelled', { message: 'can only be set to cancelled here; use complete and reopen for the rest' }).optional(),
  })
  .meta({ id: 'ActivityUpdate' });
export type ActivityUpdate = z.infer<typeof ActivityUpdate>;

export const AttachmentMeta = z
  .object({
    id: z.string(),
    fileName: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    uploadedAt: z.iso.datetime(),
    uploadedBy: z.string(),
  })
  .meta({ id: 'AttachmentMeta' });

export const Activity = RecordMeta.extend({
  type: ActivityType,
  subject: z.string(),
  description: z.string().optional(),
  ownerId: z.string(),
  status: ActivityStatus,
  priority: Priority,
  location: z.string().optional(),
  attendees: z.array(z.object({ userId: z.string().optional(), contactId: z.string().optional() })),
  regarding: z.array(z.object({ entity: z.enum(TIMELINE_ENTITIES), id: z.string() })),
  timeZone: z.string(),
  start: z.string().optional(),
  end: z.string().optional(),
  dueDate: z.string().optional(),
  allDay: z.boolean(),
  recurrence: z
    .object({ frequency: z.enum(FREQUENCIES), interval: z.number(), daysOfWeek: z.array(z.enum(WEEKDAYS)).optional(), count: z.number().optional(), until: z.string().optional() })
    .optional(),
  reminderMinutesBefore: z.number().optional(),
  completion: z.object({ result: z.string(), completedAt: z.string(), completedBy: z.string() }).optional(),
  attachments: z.array(AttachmentMeta),
}).meta({ id: 'Activity' });
export type Activity = z.infer<typeof Activity>;

const InstantOrNow = z
  .union([z.literal('now'), Instant], { message: 'must be an ISO 8601 date-time in UTC or now' })
  .meta({ description: 'ISO 8601 UTC date-time, or `now`.' });

export const ActivityListQuery = z
  .strictObject({
    q: Keyword.optional().meta({ description: 'Keywords matched against subject, description and location; every word must match.' }),
    type: ActivityType.optional(),
    status: ActivityStatus.optional(),
    ownerId: z.string().max(100).optional(),
    regardingType: z.enum(TIMELINE_ENTITIES, { message: `must be one of ${TIMELINE_ENTITIES.join(', ')}` }).optional(),
    regardingId: RecordId.optional().meta({ description: 'With regardingType: activities regarding that record (for a contact, also those they attend).' }),
    from: InstantOrNow.optional().meta({ description: 'Activities still going on or due at or after this instant (`now` for upcoming ones).' }),
    to: InstantOrNow.optional().meta({ description: 'Activities starting (or due days beginning) before this instant.' }),
    ...PageQuery,
  })
  .superRefine((query, ctx) => {
    if (query.regardingType !== undefined && query.regardingId === undefined) ctx.addIssue({ code: 'custom', path: ['regardingId'], message: 'is required with regardingType' });
    if (query.regardingId !== undefined && query.regardingType === undefined) ctx.addIssue({ code: 'custom', path: ['regardingType'], message: 'is required with regardingId' });
  });
export type ActivityListQuery = z.infer<typeof ActivityListQuery>;
export const ActivityPage = pageOf(Activity).meta({ id: 'ActivityPage' });
export const ActivityIdParams = IdParams;

export const OccurrenceQuery = z.strictObject({ from: Instant, to: Instant });
export const OccurrenceList = z
  .object({ items: z.array(z.object({ start: z.string(), end: z.string() })) })
  .meta({ id: 'OccurrenceList', description: 'Occurrences overlapping the window, in order (a single one for an activity that does not recur).' });

export const ActivityCompletion = z
  .strictObject({
    result: RequiredText(2000).meta({ description: 'The outcome, shown on the timelines.' }),
    completedAt: Instant.optional().meta({ description: 'When it was done; defaults to now, never in the future.' }),
  })
  .meta({ id: 'ActivityCompletion' });
export type ActivityCompletion = z.infer<typeof ActivityCompletion>;

/** Names that every OS can save as given: no path separators, reserved characters or control characters. */
function isSafeFileName(name: string): boolean {
  return ![...name].some((char) => '\\/:*?"<>|'.includes(char) || char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f);
}

export const AttachmentCreate = z
  .strictObject({
    fileName: RequiredText(255).refine(isSafeFileName, { message: 'must not contain \\ / : * ? " < > | or control characters' }),
    contentType: z.string().trim().min(3, { message: 'is required' }).max(200, { message: 'must be at most 200 characters' }),
    contentBase64: z.base64({ message: 'must be base64' }).min(1, { message: 'must not be empty' }),
  })
  .meta({ id: 'AttachmentCreate', description: 'A file of at most 150 KiB, base64-encoded.' });
export type AttachmentCreate = z.infer<typeof AttachmentCreate>;

export const AttachmentContent = AttachmentMeta.extend({ contentBase64: z.string() }).meta({ id: 'AttachmentContent' });
export const AttachmentParams = z.strictObject({ id: RecordId, attachmentId: RecordId });
