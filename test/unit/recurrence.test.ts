/** Recurring activities, as a specification: which occurrences a series has, in its own time zone. */
import { expandOccurrences, recurrenceIssues, seriesSpan, type Recurrence, type Schedule } from '../../shared/domain/recurrence';
import { canonicalTimeZone, instantOf, isValidTimeZone, startOfLocalDay } from '../../shared/domain/time-zone';

const WIDE = { from: '2000-01-01T00:00:00.000Z', to: '2100-01-01T00:00:00.000Z' };

function series(start: string, end: string, timeZone: string, recurrence?: Partial<Recurrence>): Schedule {
  return { start, end, timeZone, recurrence: recurrence ? { frequency: 'daily', interval: 1, ...recurrence } : undefined };
}

const starts = (schedule: Schedule, window = WIDE) => expandOccurrences(schedule, window).map((occurrence) => occurrence.start);

describe('time zones', () => {
  it('knows IANA zones and refuses offsets and invented names', () => {
    expect(isValidTimeZone('Europe/Paris')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('+02:00')).toBe(false);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(canonicalTimeZone('europe/paris')).toBe('Europe/Paris');
  });

  it('moves a wall-clock time skipped by spring-forward later by the gap', () => {
    // Paris, 29 March 2026: 02:00 jumps to 03:00, so 02:30 does not exist and means 03:30 CEST.
    expect(new Date(instantOf({ year: 2026, month: 3, day: 29, hour: 2, minute: 30, second: 0, millisecond: 0 }, 'Europe/Paris')).toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('takes the earlier of a wall-clock time repeated by fall-back', () => {
    // New York, 1 November 2026: 01:30 happens in EDT (05:30Z) and again in EST (06:30Z).
    expect(new Date(instantOf({ year: 2026, month: 11, day: 1, hour: 1, minute: 30, second: 0, millisecond: 0 }, 'America/New_York')).toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  it('starts a day at the first instant its date is shown, even where midnight is skipped', () => {
    // Santiago springs forward at midnight (6 September 2026): the day begins at 01:00 local.
    expect(new Date(startOfLocalDay({ year: 2026, month: 9, day: 6 }, 'America/Santiago')).toISOString()).toBe('2026-09-06T04:00:00.000Z');
    expect(new Date(startOfLocalDay({ year: 2026, month: 9, day: 1 }, 'Asia/Tokyo')).toISOString()).toBe('2026-08-31T15:00:00.000Z');
  });
});

describe('expanding a series', () => {
  it('gives a single activity as its one occurrence when it overlaps the window', () => {
    const once = series('2026-09-01T09:00:00.000Z', '2026-09-01T10:00:00.000Z', 'UTC');
    expect(expandOccurrences(once, { from: '2026-09-01T09:30:00.000Z', to: '2026-09-02T00:00:00.000Z' })).toEqual([{ start: '2026-09-01T09:00:00.000Z', end: '2026-09-01T10:00:00.000Z' }]);
    expect(expandOccurrences(once, { from: '2026-09-01T10:00:00.000Z', to: '2026-09-02T00:00:00.000Z' })).toEqual([]);
  });

  it('repeats daily every interval days, count times, the start being the first', () => {
    expect(starts(series('2026-09-01T09:00:00.000Z', '2026-09-01T09:30:00.000Z', 'UTC', { interval: 2, count: 4 }))).toEqual([
      '2026-09-01T09:00:00.000Z', '2026-09-03T09:00:00.000Z', '2026-09-05T09:00:00.000Z', '2026-09-07T09:00:00.000Z',
    ]);
  });

  it('repeats weekly on the chosen days, counting weeks from Monday and skipping days before the start', () => {
    // Wednesday 2 September 2026, every other week on Monday, Wednesday and Friday.
    const schedule = series('2026-09-02T14:00:00.000Z', '2026-09-02T15:00:00.000Z', 'UTC', { frequency: 'weekly', interval: 2, daysOfWeek: ['friday', 'monday', 'wednesday'], count: 5 });
    expect(starts(schedule).map((start) => start.slice(0, 10))).toEqual(['2026-09-02', '2026-09-04', '2026-09-14', '2026-09-16', '2026-09-18']);
  });

  it('falls on the last day of shorter months for the 31st, and on 28 February for the 29th', () => {
    const monthly = series('2026-01-31T10:00:00.000Z', '2026-01-31T11:00:00.000Z', 'UTC', { frequency: 'monthly', count: 4 });
    expect(starts(monthly).map((start) => start.slice(0, 10))).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']);
    const yearly = series('2028-02-29T10:00:00.000Z', '2028-02-29T11:00:00.000Z', 'UTC', { frequency: 'yearly', count: 5 });
    expect(starts(yearly).map((start) => start.slice(0, 10))).toEqual(['2028-02-29', '2029-02-28', '2030-02-28', '2031-02-28', '2032-02-29']);
  });

  it('keeps the wall-clock time across a DST change: 09:00 in Paris is 08:00Z in winter, 07:00Z in summer', () => {
    const weekly = series('2026-03-23T08:00:00.000Z', '2026-03-23T09:00:00.000Z', 'Europe/Paris', { frequency: 'weekly', count: 2 });
    expect(expandOccurrences(weekly, WIDE)).toEqual([
      { start: '2026-03-23T08:00:00.000Z', end: '2026-03-23T09:00:00.000Z' },
      { start: '2026-03-30T07:00:00.000Z', end: '2026-03-30T08:00:00.000Z' },
    ]);
  });

  it('keeps 09:00 in New York when clocks go back', () => {
    expect(starts(series('2026-10-31T13:00:00.000Z', '2026-10-31T13:30:00.000Z', 'America/New_York', { count: 3 }))).toEqual([
      '2026-10-31T13:00:00.000Z', '2026-11-01T14:00:00.000Z', '2026-11-02T14:00:00.000Z',
    ]);
  });

  it('moves an occurrence that falls in the spring-forward gap by the gap, and only that one', () => {
    // 02:30 daily in Paris from 28 March 2026.
    expect(starts(series('2026-03-28T01:30:00.000Z', '2026-03-28T02:00:00.000Z', 'Europe/Paris', { count: 3 }))).toEqual([
      '2026-03-28T01:30:00.000Z', '2026-03-29T01:30:00.000Z', '2026-03-30T00:30:00.000Z',
    ]);
  });

  it('keeps an all-day event whole days long in its zone, 23 hours on the short day', () => {
    // All-day Sunday in Paris, weekly: the first Sunday is the spring-forward day.
    const allDay = series('2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z', 'Europe/Paris', { frequency: 'weekly', count: 2 });
    expect(expandOccurrences(allDay, WIDE)).toEqual([
      { start: '2026-03-28T23:00:00.000Z', end: '2026-03-29T22:00:00.000Z' },
      { start: '2026-04-04T22:00:00.000Z', end: '2026-04-05T22:00:00.000Z' },
    ]);
  });

  it('ends on the until date as read in the activity zone, inclusive', () => {
    // 23:00 in Los Angeles is already the next day in UTC; until 3 June still includes 3 June 23:00 local.
    const schedule = series('2026-06-01T06:00:00.000Z', '2026-06-01T06:30:00.000Z', 'America/Los_Angeles', { until: '2026-06-03' });
    expect(starts(schedule)).toEqual(['2026-06-01T06:00:00.000Z', '2026-06-02T06:00:00.000Z', '2026-06-03T06:00:00.000Z', '2026-06-04T06:00:00.000Z']);
  });

  it('gives only the occurrences overlapping the window, including one in progress, at most the limit', () => {
    const daily = series('2026-01-01T09:00:00.000Z', '2026-01-01T10:00:00.000Z', 'UTC', { count: 365 });
    expect(starts(daily, { from: '2026-06-10T09:30:00.000Z', to: '2026-06-12T09:00:00.000Z' })).toEqual(['2026-06-10T09:00:00.000Z', '2026-06-11T09:00:00.000Z']);
    expect(expandOccurrences(daily, WIDE, 10)).toHaveLength(10);
  });

  it('spans a series from its first start to its last end', () => {
    const schedule = series('2026-09-01T09:00:00.000Z', '2026-09-01T10:00:00.000Z', 'UTC', { frequency: 'weekly', count: 3 });
    expect(seriesSpan(schedule)).toEqual({ start: '2026-09-01T09:00:00.000Z', end: '2026-09-15T10:00:00.000Z' });
  });
});

describe('what a series must respect', () => {
  const issues = (start: string, end: string, recurrence: Partial<Recurrence>, timeZone = 'Europe/Paris') =>
    recurrenceIssues({ start, end, timeZone, recurrence: { frequency: 'weekly', interval: 1, ...recurrence } }).map((issue) => `${issue.field}: ${issue.message}`);
  const monday9 = ['2026-09-07T07:00:00.000Z', '2026-09-07T08:00:00.000Z'] as const;

  it('accepts a sound weekly series', () => {
    expect(issues(...monday9, { daysOfWeek: ['monday', 'thursday'], until: '2026-12-31' })).toEqual([]);
  });

  it('must end, by count or until, not both', () => {
    expect(issues(...monday9, {})).toEqual(['recurrence: must end: give count or until']);
    expect(issues(...monday9, { count: 3, until: '2026-12-31' })).toEqual(['recurrence.until: give count or until, not both']);
  });

  it('includes the start’s own day (in the activity zone) among the weekly days, and only for weekly series', () => {
    // Monday 00:30 in Paris is still Sunday in UTC: the zone decides.
    expect(issues('2026-09-06T22:30:00.000Z', '2026-09-06T23:00:00.000Z', { daysOfWeek: ['monday'], count: 2 })).toEqual([]);
    expect(issues(...monday9, { daysOfWeek: ['tuesday'], count: 2 })).toEqual(['recurrence.daysOfWeek: must include the start\'s day (monday in Europe/Paris)']);
    expect(issues(...monday9, { frequency: 'monthly', daysOfWeek: ['monday'], count: 2 })).toEqual(['recurrence.daysOfWeek: applies to weekly recurrences only']);
  });

  it('ends no earlier than the start date and within five years', () => {
    expect(issues(...monday9, { until: '2026-09-06' })).toEqual(['recurrence.until: must not be before the start date 2026-09-07']);
    expect(issues(...monday9, { until: '2031-09-08' })).toEqual(['recurrence.until: must be within 5 years of the start']);
  });

  it('lets each occurrence end before the next one starts', () => {
    expect(issues('2026-09-07T07:00:00.000Z', '2026-09-09T07:00:00.000Z', { frequency: 'daily', count: 3 })).toEqual(['end: must let each occurrence end before the next one starts']);
    expect(issues('2026-09-07T07:00:00.000Z', '2026-09-09T07:00:00.000Z', { daysOfWeek: ['monday', 'tuesday'], count: 3 })).toEqual(['end: must let each occurrence end before the next one starts']);
  });
});
