/**
 * How an Outlook appointment becomes a meeting activity: what it regards and who attends, and
 * what a later link of the same appointment changes. Pure; the use case loads and stores.
 */
import type { ActivityRecord, Attendee } from './activity';
import { timelineKey, type RecordRef } from './history';

/** An activity regards at most 10 records (its contract's limit); further contacts are attendees only, which puts it on their timelines just the same. */
export const MAX_REGARDING = 10;
const MAX_SUBJECT = 200;
const MAX_LOCATION = 200;

export interface MeetingLink {
  subject: string;
  start: string;
  end: string;
  timeZone: string;
  location?: string;
  contactIds: string[];
  accountId?: string;
  opportunityId?: string;
}

/** The fields of the activity a link sets. `location` '' clears it; absent leaves it. */
export interface MeetingFields {
  subject: string;
  start: string;
  end: string;
  timeZone: string;
  location?: string;
  attendees: Attendee[];
  regarding: RecordRef[];
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Outlook allows empty and very long subjects; an activity needs one of at most 200 characters. */
export function meetingSubject(subject: string): string {
  const trimmed = subject.trim();
  return trimmed ? clip(trimmed, MAX_SUBJECT) : 'Meeting';
}

export function meetingFields(link: MeetingLink): MeetingFields {
  const regarding: RecordRef[] = [
    ...(link.accountId ? [{ entity: 'account' as const, id: link.accountId }] : []),
    ...(link.opportunityId ? [{ entity: 'opportunity' as const, id: link.opportunityId }] : []),
    ...link.contactIds.map((id) => ({ entity: 'contact' as const, id })),
  ].slice(0, MAX_REGARDING);
  return {
    subject: meetingSubject(link.subject),
    start: link.start,
    end: link.end,
    timeZone: link.timeZone,
    ...(link.location === undefined ? {} : { location: clip(link.location.trim(), MAX_LOCATION) }),
    attendees: link.contactIds.map((contactId) => ({ contactId })),
    regarding,
  };
}

/** A merge-patch of the activity (the shape the activity update takes); `location: null` clears it. */
export interface MeetingPatch {
  subject?: string;
  start?: string;
  end?: string;
  timeZone?: string;
  location?: string | null;
  attendees?: Attendee[];
  regarding?: RecordRef[];
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return a.length === b.length && b.every((item) => set.has(item));
}

/**
 * What linking again changes on the activity, or null when nothing: the appointment's subject,
 * times and place, and the linked records. Users added as attendees in the CRM stay.
 */
export function meetingPatch(current: ActivityRecord, fields: MeetingFields): MeetingPatch | null {
  const patch: MeetingPatch = {};
  for (const field of ['subject', 'start', 'end', 'timeZone'] as const) {
    if (current[field] !== fields[field]) patch[field] = fields[field];
  }
  if (fields.location !== undefined && (current.location ?? '') !== fields.location) patch.location = fields.location || null;
  const contacts = current.attendees.flatMap((attendee) => (attendee.contactId ? [attendee.contactId] : []));
  const wanted = fields.attendees.flatMap((attendee) => (attendee.contactId ? [attendee.contactId] : []));
  if (!sameSet(contacts, wanted)) patch.attendees = [...current.attendees.filter((attendee) => attendee.userId), ...fields.attendees];
  if (!sameSet(current.regarding.map(timelineKey), fields.regarding.map(timelineKey))) patch.regarding = fields.regarding;
  return Object.keys(patch).length ? patch : null;
}
