/**
 * Recurring activities: a small, well-defined subset of RFC 5545 that maps one-to-one onto
 * Microsoft Graph's patterned recurrence, so a series can later be synced to Exchange unchanged.
 *
 * - daily / weekly / monthly / yearly, every `interval` periods, ending after `count` occurrences
 *   or on the `until` date (inclusive, in the activity's zone). A series always ends.
 * - Weekly series pick `daysOfWeek`; weeks start on Monday; the start's own day must be one of them,
 *   so the activity's start is always the first occurrence.
 * - Monthly and yearly series repeat the start's day of month; in shorter months they fall on the
 *   last day (the 31st becomes the 30th, 29 February the 28th), as Outlook does.
 * - Every occurrence keeps the start's wall-clock time and the original wall-clock length in the
 *   activity's zone: a 09:00-10:00 meeting in Paris stays 09:00-10:00 Paris time across DST.
 */
import type { FieldIssue } from './errors';
import {
  addDays,
  compareLocalDates,
  daysInMonth,
  formatLocalDate,
  instantOf,
  isoWeekday,
  parseLocalDate,
  wallClockOf,
  wallFromMs,
  wallMs,
  type LocalDate,
} from './time-zone';

export const FREQUENCIES = ['daily', 'weekly', 'monthly', 'yearly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const RECURRENCE_LIMITS = { maxCount: 500, maxYears: 5 } as const;

export interface Recurrence {
  frequency: Frequency;
  interval: number;
  daysOfWeek?: Weekday[];
  count?: number;
  /** Last possible date of an occurrence, `YYYY-MM-DD` in the activity's zone. */
  until?: string;
}

/** One occurrence, or the whole span of an activity: ISO UTC instants, end exclusive. */
export interface Occurrence {
  start: string;
  end: string;
}

export interface Schedule extends Occurrence {
  timeZone: string;
  recurrence?: Recurrence;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Safety net for records that bypassed validation; valid series stop far earlier. */
const MAX_SCAN = 10_000;

function weekdayIndexes(rule: Recurrence, first: LocalDate): number[] {
  const days = rule.daysOfWeek?.length ? rule.daysOfWeek.map((day) => WEEKDAYS.indexOf(day)) : [isoWeekday(first)];
  return [...new Set(days)].sort((a, b) => a - b);
}

function monthDate(year: number, month: number, day: number): LocalDate {
  return { year, month, day: Math.min(day, daysInMonth(year, month)) };
}

/** Candidate dates in order, from the first one on; endless, the caller stops it. */
function* candidateDates(rule: Recurrence, first: LocalDate): Generator<LocalDate> {
  const step = Math.max(1, Math.trunc(rule.interval));
  const days = weekdayIndexes(rule, first);
  const monday = addDays(first, -isoWeekday(first));
  for (let period = 0; period < MAX_SCAN; period += 1) {
    if (rule.frequency === 'daily') yield addDays(first, period * step);
    else if (rule.frequency === 'monthly') {
      const months = first.month - 1 + period * step;
      yield monthDate(first.year + Math.floor(months / 12), (months % 12) + 1, first.day);
    } else if (rule.frequency === 'yearly') yield monthDate(first.year + period * step, first.month, first.day);
    else {
      for (const day of days) {
        const date = addDays(monday, period * 7 * step + day);
        if (compareLocalDates(date, first) >= 0) yield date;
      }
    }
  }
}

/** Every occurrence of the schedule in order, as epoch ms. The first is the activity itself. */
function* occurrences(schedule: Schedule): Generator<{ start: number; end: number }> {
  const start = Date.parse(schedule.start);
  const end = Date.parse(schedule.end);
  yield { start, end };
  const rule = schedule.recurrence;
  if (!rule) return;
  const startWall = wallClockOf(start, schedule.timeZone);
  const wallLength = wallMs(wallClockOf(end, schedule.timeZone)) - wallMs(startWall);
  const until = rule.until ? parseLocalDate(rule.until) : undefined;
  let produced = 1;
  for (const date of candidateDates(rule, startWall)) {
    if (compareLocalDates(date, startWall) === 0) continue; // the first occurrence, already given
    if (until && compareLocalDates(date, until) > 0) return;
    if ((rule.count !== undefined && produced >= rule.count) || produced >= MAX_SCAN) return;
    produced += 1;
    const wall = { ...startWall, ...date };
    yield { start: instantOf(wall, schedule.timeZone), end: instantOf(wallFromMs(wallMs(wall) + wallLength), schedule.timeZone) };
  }
}

/** Occurrences that overlap [from, to), in order, at most `limit`. */
export function expandOccurrences(schedule: Schedule, window: { from: string; to: string }, limit = 1000): Occurrence[] {
  const from = Date.parse(window.from);
  const to = Date.parse(window.to);
  const found: Occurrence[] = [];
  for (const occurrence of occurrences(schedule)) {
    if (occurrence.start >= to || found.length >= limit) break;
    if (occurrence.end > from) found.push({ start: new Date(occurrence.start).toISOString(), end: new Date(occurrence.end).toISOString() });
  }
  return found;
}

/** From the first occurrence's start to the last one's end: what list windows are matched against. */
export function seriesSpan(schedule: Schedule): Occurrence {
  let last = { start: Date.parse(schedule.start), end: Date.parse(schedule.end) };
  for (const occurrence of occurrences(schedule)) last = occurrence;
  return { start: new Date(Date.parse(schedule.start)).toISOString(), end: new Date(last.end).toISOString() };
}

/** The shortest time between two occurrence starts, in days: an occurrence may not outlast it. */
function shortestGapDays(rule: Recurrence, first: LocalDate): number {
  const step = Math.max(1, Math.trunc(rule.interval));
  if (rule.frequency === 'daily') return step;
  if (rule.frequency === 'monthly') return 28 * step;
  if (rule.frequency === 'yearly') return 365 * step;
  const days = weekdayIndexes(rule, first);
  const gaps = days.slice(1).map((day, index) => day - (days[index] ?? day));
  const wrap = 7 * step - ((days[days.length - 1] ?? 0) - (days[0] ?? 0));
  return Math.min(wrap, ...gaps);
}

/** Rules that need the start and zone (the contract has checked shapes and ranges). */
export function recurrenceIssues(schedule: Schedule & { recurrence: Recurrence }): FieldIssue[] {
  const rule = schedule.recurrence;
  const first = wallClockOf(Date.parse(schedule.start), schedule.timeZone);
  const issues: FieldIssue[] = [];
  if (rule.count === undefined && rule.until === undefined) issues.push({ field: 'recurrence', message: 'must end: give count or until' });
  if (rule.count !== undefined && rule.until !== undefined) issues.push({ field: 'recurrence.until', message: 'give count or until, not both' });
  if (rule.daysOfWeek?.length && rule.frequency !== 'weekly') {
    issues.push({ field: 'recurrence.daysOfWeek', message: 'applies to weekly recurrences only' });
  } else if (rule.daysOfWeek?.length && !rule.daysOfWeek.includes(WEEKDAYS[isoWeekday(first)] as Weekday)) {
    issues.push({ field: 'recurrence.daysOfWeek', message: `must include the start's day (${WEEKDAYS[isoWeekday(first)]} in ${schedule.timeZone})` });
  }
  if (rule.until !== undefined) {
    const until = parseLocalDate(rule.until);
    const latest = { ...first, year: first.year + RECURRENCE_LIMITS.maxYears };
    if (compareLocalDates(until, first) < 0) issues.push({ field: 'recurrence.until', message: `must not be before the start date ${formatLocalDate(first)}` });
    else if (compareLocalDates(until, latest) > 0) issues.push({ field: 'recurrence.until', message: `must be within ${RECURRENCE_LIMITS.maxYears} years of the start` });
  }
  const wallLength = wallMs(wallClockOf(Date.parse(schedule.end), schedule.timeZone)) - wallMs(first);
  if (wallLength > shortestGapDays(rule, first) * DAY_MS) {
    issues.push({ field: 'end', message: 'must let each occurrence end before the next one starts' });
  }
  return issues;
}
