/**
 * When an activity happens, as a set of pure rules:
 * - calls, meetings and events have a start and an end (ISO UTC instants), end after start;
 * - to-dos have a due date (`YYYY-MM-DD`) and are due by the end of that day in their zone;
 * - every activity names the IANA zone it was scheduled in;
 * - all-day activities start and end at midnight in that zone (whole days, as Exchange requires);
 * - only scheduled activities recur (see recurrence.ts).
 */
import { isScheduled, type ActivityRecord } from './activity';
import type { FieldIssue } from './errors';
import { expandOccurrences, recurrenceIssues, seriesSpan, type Occurrence, type Schedule } from './recurrence';
import { addDays, parseLocalDate, startOfLocalDay, wallClockOf } from './time-zone';

export type ActivityTiming = Pick<ActivityRecord, 'type' | 'timeZone' | 'start' | 'end' | 'dueDate' | 'allDay' | 'recurrence'>;

function isMidnight(instant: number, timeZone: string): boolean {
  const wall = wallClockOf(instant, timeZone);
  return wall.hour === 0 && wall.minute === 0 && wall.second === 0 && wall.millisecond === 0;
}

function named(type: ActivityTiming['type']): string {
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
}

function todoIssues(timing: ActivityTiming): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (timing.dueDate === undefined) issues.push({ field: 'dueDate', message: 'is required for a to-do' });
  for (const field of ['start', 'end', 'recurrence'] as const) {
    if (timing[field] !== undefined) issues.push({ field, message: 'applies to calls, meetings and events; a to-do has a dueDate' });
  }
  if (timing.allDay) issues.push({ field: 'allDay', message: 'applies to calls, meetings and events; a to-do is due on a whole day already' });
  return issues;
}

function scheduledIssues(timing: ActivityTiming): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (timing.dueDate !== undefined) issues.push({ field: 'dueDate', message: `applies to to-dos; ${named(timing.type)} has a start and an end` });
  if (timing.start === undefined) issues.push({ field: 'start', message: `is required for ${named(timing.type)}` });
  if (timing.end === undefined) issues.push({ field: 'end', message: `is required for ${named(timing.type)}` });
  if (timing.start === undefined || timing.end === undefined) return issues;
  const start = Date.parse(timing.start);
  const end = Date.parse(timing.end);
  if (end <= start) return [...issues, { field: 'end', message: 'must be after start' }];
  if (timing.allDay) {
    const where = `at midnight in ${timing.timeZone} for an all-day ${timing.type}`;
    if (!isMidnight(start, timing.timeZone)) issues.push({ field: 'start', message: `must be ${where}` });
    if (!isMidnight(end, timing.timeZone)) issues.push({ field: 'end', message: `must be ${where}` });
  }
  if (timing.recurrence && !issues.length) {
    issues.push(...recurrenceIssues({ start: timing.start, end: timing.end, timeZone: timing.timeZone, recurrence: timing.recurrence }));
  }
  return issues;
}

/** Every rule the timing breaks, each naming its field; empty when the timing is sound. */
export function timingIssues(timing: ActivityTiming): FieldIssue[] {
  return isScheduled(timing.type) ? scheduledIssues(timing) : todoIssues(timing);
}

/** The day a to-do is due, as instants: from the start of its due date to the start of the next one. */
export function dueDaySpan(dueDate: string, timeZone: string): Occurrence {
  const day = parseLocalDate(dueDate);
  return {
    start: new Date(startOfLocalDay(day, timeZone)).toISOString(),
    end: new Date(startOfLocalDay(addDays(day, 1), timeZone)).toISOString(),
  };
}

/** The schedule of a valid scheduled activity, or undefined for a to-do. */
export function scheduleOf(timing: ActivityTiming): Schedule | undefined {
  if (!isScheduled(timing.type) || timing.start === undefined || timing.end === undefined) return undefined;
  return { start: timing.start, end: timing.end, timeZone: timing.timeZone, recurrence: timing.recurrence };
}

/**
 * The whole time an activity covers, which list windows are matched against and lists sort by:
 * a single occurrence, a series from its first start to its last end, or a to-do's due day.
 */
export function activitySpan(timing: ActivityTiming): Occurrence {
  const schedule = scheduleOf(timing);
  if (schedule) return seriesSpan(schedule);
  return dueDaySpan(timing.dueDate ?? '1970-01-01', timing.timeZone);
}

/** Instants stored in one spelling (`2026-09-01T09:00:00.000Z`), so they sort and compare as text. */
export function canonicalInstant(text: string): string {
  return new Date(Date.parse(text)).toISOString();
}

/** The activity's occurrences overlapping [from, to): a to-do occurs on its due day. */
export function occurrencesIn(timing: ActivityTiming, window: { from: string; to: string }, limit = 1000): Occurrence[] {
  const schedule = scheduleOf(timing) ?? { ...dueDaySpan(timing.dueDate ?? '1970-01-01', timing.timeZone), timeZone: timing.timeZone };
  return expandOccurrences(schedule, window, limit);
}

/**
 * When an open activity next happens at or after `now`: a series' next occurrence (its stored
 * start is the first one, maybe months ago), else its own start or due day.
 */
export function nextOccurrenceStart(timing: ActivityTiming, now: Date): string | undefined {
  if (!timing.recurrence) return timing.start;
  const from = now.toISOString();
  const to = new Date(now.getTime() + 2 * 366 * 86400000).toISOString();
  return occurrencesIn(timing, { from, to }, 1)[0]?.start ?? timing.start;
}
