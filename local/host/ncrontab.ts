/**
 * Azure Functions NCRONTAB schedules: `{second} {minute} {hour} {day} {month} {day-of-week}`, UTC.
 *
 * Day rule: a day matches only when BOTH the day-of-month and the day-of-week fields match. This is
 * what NCrontab (the library behind the Functions timer trigger) does — it checks the day of week
 * after choosing the day of month — and differs from Vixie cron, which fires when EITHER matches
 * if both are restricted. So `0 0 9 13 * FRI` fires on Friday the 13th only, as it would in Azure.
 */
import { AppError } from '../../shared/domain/errors';

export interface Schedule {
  readonly expression: string;
  /** Allowed values per field, as lookup tables indexed by value. */
  readonly seconds: readonly boolean[];
  readonly minutes: readonly boolean[];
  readonly hours: readonly boolean[];
  readonly days: readonly boolean[];
  readonly months: readonly boolean[];
  /** 0 = Sunday ... 6 = Saturday (7 in the expression is folded onto 0). */
  readonly daysOfWeek: readonly boolean[];
}

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
}

// Full names; like NCrontab, the three-letter abbreviation or the full name is accepted, any case.
const MONTH_NAMES = ['JANUARY', 'FEBRUARY', 'MARCH', 'APRIL', 'MAY', 'JUNE', 'JULY', 'AUGUST', 'SEPTEMBER', 'OCTOBER', 'NOVEMBER', 'DECEMBER'];
const DAY_NAMES = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];

const FIELDS: readonly FieldSpec[] = [
  { name: 'second', min: 0, max: 59 },
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTH_NAMES },
  { name: 'day-of-week', min: 0, max: 7, names: DAY_NAMES },
];

/** The longest month length for each month (February counts its leap day). */
const MAX_DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Weekday/leap-year combinations repeat every 400 Gregorian years, so a longer search finds nothing new. */
const SEARCH_LIMIT_YEARS = 400;

function fieldError(field: FieldSpec, token: string, reason: string): AppError {
  return new AppError('VALIDATION', `Invalid NCRONTAB ${field.name} field "${token}": ${reason}`, {
    issues: [{ field: field.name, message: reason }],
  });
}

function parseValue(field: FieldSpec, text: string, token: string): number {
  const upper = text.toUpperCase();
  const named = upper.length >= 3 ? (field.names?.findIndex((name) => name.startsWith(upper)) ?? -1) : -1;
  if (named >= 0) return named + (field.name === 'month' ? 1 : 0);
  if (!/^\d+$/.test(text)) throw fieldError(field, token, `"${text}" is not a number${field.names ? ' or name' : ''}`);
  const value = Number(text);
  if (value < field.min || value > field.max) {
    throw fieldError(field, token, `${value} is outside ${field.min}-${field.max}`);
  }
  return value;
}

/** One comma-separated part: `*`, `n`, `a-b`, each optionally followed by `/step`. */
function parsePart(field: FieldSpec, part: string, token: string, allowed: boolean[]): void {
  const [range = '', stepText, extra] = part.split('/');
  if (extra !== undefined || range === '') throw fieldError(field, token, `"${part}" is malformed`);
  let step = 1;
  if (stepText !== undefined) {
    if (!/^\d+$/.test(stepText) || Number(stepText) === 0) throw fieldError(field, token, `step "${stepText}" must be a positive number`);
    step = Number(stepText);
  }
  let from: number;
  let to: number;
  if (range === '*') {
    from = field.min;
    to = field.name === 'day-of-week' ? 6 : field.max;
  } else {
    const bounds = range.split('-');
    if (bounds.length > 2) throw fieldError(field, token, `"${range}" is malformed`);
    from = parseValue(field, bounds[0] ?? '', token);
    // `5/15` means "from 5 to the end in steps of 15", as in NCrontab.
    to = bounds.length === 2 ? parseValue(field, bounds[1] ?? '', token) : stepText !== undefined ? field.max : from;
    if (to < from) throw fieldError(field, token, `range ${range} runs backwards`);
  }
  for (let value = from; value <= to; value += step) allowed[value] = true;
}

function parseField(field: FieldSpec, token: string): boolean[] {
  const allowed = new Array<boolean>(field.max + 1).fill(false);
  for (const part of token.split(',')) parsePart(field, part, token, allowed);
  return allowed;
}

export function parseNcrontab(expression: string): Schedule {
  const tokens = expression.trim().split(/\s+/);
  if (tokens.length !== FIELDS.length) {
    throw new AppError(
      'VALIDATION',
      `Invalid NCRONTAB expression "${expression}": expected 6 fields {second} {minute} {hour} {day} {month} {day-of-week}, got ${tokens.length}`,
      { issues: [{ field: 'expression', message: 'expected 6 fields' }] },
    );
  }
  const [seconds, minutes, hours, days, months, weekdays] = FIELDS.map((field, i) => parseField(field, tokens[i] ?? ''));
  if (!seconds || !minutes || !hours || !days || !months || !weekdays) throw new Error('unreachable: six fields parsed');
  if (weekdays[7]) weekdays[0] = true; // 7 is another name for Sunday
  const daysOfWeek = weekdays.slice(0, 7);
  const possible = months.some((on, month) => on && days.some((dayOn, day) => dayOn && day <= (MAX_DAYS_IN_MONTH[month - 1] ?? 0)));
  if (!possible) {
    throw fieldError(FIELDS[3] as FieldSpec, tokens[3] ?? '', `no selected day exists in the selected month(s)`);
  }
  return { expression, seconds, minutes, hours, days, months, daysOfWeek };
}

/** The smallest allowed value >= from, or -1. */
function nextAllowed(allowed: readonly boolean[], from: number): number {
  for (let value = from; value < allowed.length; value++) if (allowed[value]) return value;
  return -1;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate(); // day 0 of the next month
}

function dayMatches(schedule: Schedule, year: number, month: number, day: number): boolean {
  if (!schedule.days[day] || day > daysInMonth(year, month)) return false;
  return schedule.daysOfWeek[new Date(Date.UTC(year, month - 1, day)).getUTCDay()] === true;
}

/**
 * The first occurrence strictly after `after`. Walks whole months and days first and only then the
 * time of day, so a yearly schedule costs a few hundred steps, not millions of seconds.
 */
export function nextOccurrence(schedule: Schedule, after: Date): Date {
  const start = new Date(Math.floor(after.getTime() / 1000) * 1000 + 1000);
  let year = start.getUTCFullYear();
  let month = start.getUTCMonth() + 1;
  let day = start.getUTCDate();
  // Time of day to start from on the first candidate day; midnight on every later day.
  let sod = [start.getUTCHours(), start.getUTCMinutes(), start.getUTCSeconds()] as const;
  const lastYear = year + SEARCH_LIMIT_YEARS;

  while (year <= lastYear) {
    if (!schedule.months[month]) {
      [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
      day = 1;
      sod = [0, 0, 0];
      continue;
    }
    if (day <= daysInMonth(year, month) && dayMatches(schedule, year, month, day)) {
      const time = firstTimeOfDay(schedule, sod[0], sod[1], sod[2]);
      if (time) return new Date(Date.UTC(year, month - 1, day, time[0], time[1], time[2]));
    }
    sod = [0, 0, 0];
    day++;
    if (day > daysInMonth(year, month)) {
      [year, month, day] = month === 12 ? [year + 1, 1, 1] : [year, month + 1, 1];
    }
  }
  throw new AppError('VALIDATION', `NCRONTAB expression "${schedule.expression}" never fires`);
}

/** The first allowed [hour, minute, second] at or after the given time of day, or null. */
function firstTimeOfDay(schedule: Schedule, hour: number, minute: number, second: number): [number, number, number] | null {
  for (let h = nextAllowed(schedule.hours, hour); h >= 0; h = nextAllowed(schedule.hours, h + 1)) {
    const sameHour = h === hour;
    for (let m = nextAllowed(schedule.minutes, sameHour ? minute : 0); m >= 0; m = nextAllowed(schedule.minutes, m + 1)) {
      const s = nextAllowed(schedule.seconds, sameHour && m === minute ? second : 0);
      if (s >= 0) return [h, m, s];
    }
  }
  return null;
}
