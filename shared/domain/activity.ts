/**
 * Activities: the calls, meetings, to-dos and events of the sales team. One activity can regard
 * several records at once (a contact, their account, an opportunity) and appears in the activity
 * list and, once completed, on the timeline of each of them and of the contacts who attended.
 */
import { distinctRefs, timelineKey, type RecordRef } from './history';
import type { Page, PageRequest, RecordBase, Versioned } from './record';
import type { Recurrence } from './recurrence';
import type { ChangeSource, RecordRepository } from './repositories';
import { buildSearchText } from './text-normalization';

export const ACTIVITY_TYPES = ['call', 'meeting', 'todo', 'event'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
/** Types that happen at a time (start and end); a to-do is due on a day instead. */
export const SCHEDULED_TYPES: readonly ActivityType[] = ['call', 'meeting', 'event'];

export const ACTIVITY_STATUSES = ['open', 'completed', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export const PRIORITIES = ['low', 'normal', 'high'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const TYPE_LABELS: Record<ActivityType, string> = { call: 'Call', meeting: 'Meeting', todo: 'To-do', event: 'Event' };

/** Someone taking part: a user of the tenant (Entra object id) or a contact of the CRM; exactly one is set. */
export interface Attendee {
  userId?: string;
  contactId?: string;
}

export interface AttachmentMeta {
  id: string;
  fileName: string;
  contentType: string;
  /** Bytes, decoded. */
  size: number;
  /** Hex SHA-256 of the content, so clients can verify a download and spot duplicates. */
  sha256: string;
  uploadedAt: string;
  uploadedBy: string;
}

export interface Completion {
  result: string;
  completedAt: string;
  completedBy: string;
}

export interface ActivityRecord extends RecordBase {
  type: ActivityType;
  subject: string;
  description?: string;
  ownerId: string;
  status: ActivityStatus;
  priority: Priority;
  location?: string;
  attendees: Attendee[];
  regarding: RecordRef[];
  /** IANA zone the activity was scheduled in: decides all-day bounds, due days and recurrences. */
  timeZone: string;
  /** ISO UTC instants, calls, meetings and events only. */
  start?: string;
  end?: string;
  /** `YYYY-MM-DD`, to-dos only: due by the end of that day in `timeZone`. */
  dueDate?: string;
  allDay: boolean;
  recurrence?: Recurrence;
  /** Minutes before the start (for a to-do, before the end of its due day). */
  reminderMinutesBefore?: number;
  completion?: Completion;
  /** How many times the activity has been completed: numbers its timeline entries. */
  completionCount: number;
  /** The latest reopening, and what the activity was before it. */
  reopened?: { reopenedAt: string; reopenedBy: string; from: 'completed' | 'cancelled' };
  attachments: AttachmentMeta[];
}

export interface ActivityFilter {
  keywords?: string[];
  /** Record-level access: only these owners' activities (absent: all). */
  visibleOwners?: string[];
  type?: ActivityType;
  status?: ActivityStatus;
  ownerId?: string;
  /** Activities regarding the record or, for a contact, attended by them. */
  concerning?: RecordRef;
  /** Activities whose time overlaps [from, to): ISO UTC instants. */
  from?: string;
  to?: string;
  /**
   * What continuation tokens are bound to, when it differs from the filter: `from=now` is resolved
   * per request, and the next page must still be accepted a moment later.
   */
  asRequested?: unknown;
}

export interface ActivityRepository extends RecordRepository<ActivityRecord>, ChangeSource<ActivityRecord> {
  /** Live activities sorted by start (or due day), then id. */
  list(tenantId: string, filter: ActivityFilter, page: PageRequest): Promise<Page<Versioned<ActivityRecord>>>;
}

export function isScheduled(type: ActivityType): boolean {
  return SCHEDULED_TYPES.includes(type);
}

/** The records an activity concerns: what it regards plus its contact attendees, each once. */
export function concernedRefs(activity: Pick<ActivityRecord, 'regarding' | 'attendees'>): RecordRef[] {
  const attendees = activity.attendees.flatMap((attendee): RecordRef[] => (attendee.contactId ? [{ entity: 'contact', id: attendee.contactId }] : []));
  return distinctRefs([...activity.regarding, ...attendees]);
}

/** Stored flat (`contact:<id>`) so "activities of a record" is one partition-scoped ARRAY_CONTAINS query. */
export function regardingKeys(activity: Pick<ActivityRecord, 'regarding' | 'attendees'>): string[] {
  return concernedRefs(activity).map(timelineKey);
}

export function activitySearchText(activity: Pick<ActivityRecord, 'subject' | 'description' | 'location'>): string {
  return buildSearchText([activity.subject, activity.description?.slice(0, 2000), activity.location]);
}
