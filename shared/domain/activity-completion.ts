/**
 * How an activity closes and opens again:
 * - open → completed (with a result) or cancelled; completed or cancelled → open (reopen);
 * - a completed or cancelled activity is read-only until reopened (attachments excepted:
 *   minutes are often added after the meeting);
 * - each completion puts one entry on the timeline of every record the activity concerns, and a
 *   reopening puts another; entry ids are deterministic, so retrying the write records it once.
 */
import { concernedRefs, TYPE_LABELS, type ActivityRecord } from './activity';
import { AppError } from './errors';
import type { HistoryEntry } from './history';

/** Clocks of phones and laptops drift; a completion stamped slightly ahead is still believable. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

export interface CompletionInput {
  result: string;
  completedAt?: string;
}

function refuse(message: string, field: string, detail: string): AppError {
  return new AppError('VALIDATION', message, { issues: [{ field, message: detail }] });
}

export function assertEditable(activity: Pick<ActivityRecord, 'status'>): void {
  if (activity.status !== 'open') {
    throw refuse(`This activity is ${activity.status}; reopen it to change it.`, 'status', `is ${activity.status}`);
  }
}

/** The activity completed now (or at `completedAt`, which may be in the past but not the future). */
export function withCompletion(activity: ActivityRecord, input: CompletionInput, actorId: string, now: Date): ActivityRecord {
  if (activity.status === 'cancelled') throw refuse('This activity is cancelled; reopen it before completing it.', 'status', 'is cancelled');
  if (activity.status === 'completed') throw refuse('This activity is already completed; reopen it to change the result.', 'status', 'is completed');
  const completedAt = input.completedAt ? new Date(Date.parse(input.completedAt)) : now;
  if (completedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) throw refuse('An activity cannot be completed in the future.', 'completedAt', 'must not be in the future');
  const { reopened: _reopened, ...rest } = activity;
  return {
    ...rest,
    status: 'completed',
    completion: { result: input.result, completedAt: completedAt.toISOString(), completedBy: actorId },
    completionCount: activity.completionCount + 1,
  };
}

/** A request that repeats the completion already recorded: a retry, answered without a second write. */
export function isSameCompletion(activity: Pick<ActivityRecord, 'status' | 'completion'>, input: CompletionInput): boolean {
  if (activity.status !== 'completed' || !activity.completion || activity.completion.result !== input.result) return false;
  return input.completedAt === undefined || Date.parse(input.completedAt) === Date.parse(activity.completion.completedAt);
}

export function withReopening(activity: ActivityRecord, actorId: string, now: Date): ActivityRecord {
  if (activity.status === 'open') throw refuse('This activity is open already.', 'status', 'is open');
  const { completion: _completion, ...rest } = activity;
  return { ...rest, status: 'open', reopened: { reopenedAt: now.toISOString(), reopenedBy: actorId, from: activity.status } };
}

function label(activity: Pick<ActivityRecord, 'type'>): string {
  return TYPE_LABELS[activity.type];
}

/** The timeline entry of the activity's latest completion; null when it is not completed or concerns no record. */
export function completionEntry(activity: ActivityRecord): HistoryEntry | null {
  const regarding = concernedRefs(activity);
  if (activity.status !== 'completed' || !activity.completion || !regarding.length) return null;
  const n = activity.completionCount;
  return {
    id: n <= 1 ? `activity-${activity.id}-completed` : `activity-${activity.id}-completed-${n}`,
    tenantId: activity.tenantId,
    kind: 'activity',
    occurredAt: activity.completion.completedAt,
    actorId: activity.completion.completedBy,
    title: `${label(activity)} completed: ${activity.subject}`,
    summary: activity.completion.result,
    regarding,
    source: { entity: 'activity', id: activity.id },
    details: { activityType: activity.type, event: 'completed', ownerId: activity.ownerId },
  };
}

/** The timeline entry of the activity's latest reopening of a completion; null when there is none to show. */
export function reopeningEntry(activity: ActivityRecord): HistoryEntry | null {
  const regarding = concernedRefs(activity);
  if (activity.status !== 'open' || activity.reopened?.from !== 'completed' || !regarding.length) return null;
  return {
    id: `activity-${activity.id}-reopened-${activity.completionCount}`,
    tenantId: activity.tenantId,
    kind: 'activity',
    occurredAt: activity.reopened.reopenedAt,
    actorId: activity.reopened.reopenedBy,
    title: `${label(activity)} reopened: ${activity.subject}`,
    regarding,
    source: { entity: 'activity', id: activity.id },
    details: { activityType: activity.type, event: 'reopened', ownerId: activity.ownerId },
  };
}
