/**
 * Wall-clock arithmetic in IANA time zones with nothing but `Intl`, so the rules run unchanged in
 * the functions and in the add-ins. Instants are epoch milliseconds (UTC); a wall clock is the
 * date and time a person in that zone reads on their clock.
 */

/** A local date and time; `month` is 1-12. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/** A calendar date, `month` 1-12. */
export type LocalDate = Pick<WallClock, 'year' | 'month' | 'day'>;

const DAY_MS = 24 * 60 * 60 * 1000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether the runtime knows the zone (`Europe/Paris`, `UTC`); offsets like `+02:00` are not zones. */
export function isValidTimeZone(timeZone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(timeZone)) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    // RangeError: the zone is unknown to this runtime's time zone database.
    return false;
  }
}

export function wallClockOf(instant: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const millisecond = ((instant % 1000) + 1000) % 1000;
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
    millisecond,
  };
}

/** The wall clock as if it were UTC: lets calendar arithmetic use Date.UTC. */
export function wallMs(wall: WallClock): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond);
}

export function wallFromMs(ms: number): WallClock {
  const date = new Date(ms);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    millisecond: date.getUTCMilliseconds(),
  };
}

/** The zone's canonical spelling (`europe/paris` → `Europe/Paris`), so stored zones compare equal. */
export function canonicalTimeZone(timeZone: string): string {
  return formatterFor(timeZone).resolvedOptions().timeZone;
}

/** How far the zone's clocks are ahead of UTC at that instant, in ms. */
export function offsetAt(instant: number, timeZone: string): number {
  return wallMs(wallClockOf(instant, timeZone)) - instant;
}

/**
 * The instant a wall clock shows in the zone, disambiguated as Temporal's `compatible` does: a time
 * repeated when clocks go back is the earlier instant; a time skipped when clocks go forward moves
 * forward by the gap (02:30 on a spring-forward night becomes 03:30). Zones change offset at most
 * once within a day, which every real zone satisfies.
 */
export function instantOf(wall: WallClock, timeZone: string): number {
  const local = wallMs(wall);
  const before = offsetAt(local - DAY_MS, timeZone);
  const after = offsetAt(local + DAY_MS, timeZone);
  const candidates = [local - before, local - after].filter((instant) => offsetAt(instant, timeZone) === local - instant);
  if (candidates.length) return Math.min(...candidates);
  return local - before;
}

export function localDateOf(instant: number, timeZone: string): LocalDate {
  const { year, month, day } = wallClockOf(instant, timeZone);
  return { year, month, day };
}

export function parseLocalDate(text: string): LocalDate {
  const [year, month, day] = text.split('-').map(Number);
  return { year: year ?? 1970, month: month ?? 1, day: day ?? 1 };
}

export function formatLocalDate(date: LocalDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const { year, month, day } = wallFromMs(Date.UTC(date.year, date.month - 1, date.day) + days * DAY_MS);
  return { year, month, day };
}

/** 0 = Monday … 6 = Sunday (ISO order, the week our weekly recurrences count in). */
export function isoWeekday(date: LocalDate): number {
  return (new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() + 6) % 7;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return Date.UTC(a.year, a.month - 1, a.day) - Date.UTC(b.year, b.month - 1, b.day);
}

/** The instant the day begins in the zone (not always 00:00 where DST starts at midnight). */
export function startOfLocalDay(date: LocalDate, timeZone: string): number {
  return instantOf({ ...date, hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone);
}
