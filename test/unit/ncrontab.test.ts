import { nextOccurrence, parseNcrontab } from '../../local/host/ncrontab';
import { AppError } from '../../shared/domain/errors';

/** The next `count` occurrences after `from`, as ISO strings. */
function occurrences(expression: string, from: string, count = 3): string[] {
  const schedule = parseNcrontab(expression);
  const result: string[] = [];
  let cursor = new Date(from);
  for (let i = 0; i < count; i++) {
    cursor = nextOccurrence(schedule, cursor);
    result.push(cursor.toISOString());
  }
  return result;
}

function validationError(expression: string): AppError {
  try {
    parseNcrontab(expression);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`"${expression}" was accepted`);
}

describe('NCRONTAB schedules (UTC, six fields)', () => {
  it('every five minutes fires on the five-minute marks', () => {
    expect(occurrences('0 */5 * * * *', '2024-03-10T10:02:30Z')).toEqual([
      '2024-03-10T10:05:00.000Z',
      '2024-03-10T10:10:00.000Z',
      '2024-03-10T10:15:00.000Z',
    ]);
  });

  it('is strictly after the given time, even when that time is itself an occurrence', () => {
    expect(occurrences('0 */5 * * * *', '2024-03-10T10:05:00Z', 1)).toEqual(['2024-03-10T10:10:00.000Z']);
    expect(occurrences('* * * * * *', '2024-03-10T10:05:00.400Z', 1)).toEqual(['2024-03-10T10:05:01.000Z']);
  });

  it('weekdays at 9:30 skips the weekend', () => {
    // 2024-03-08 is a Friday.
    expect(occurrences('0 30 9 * * 1-5', '2024-03-08T09:30:00Z')).toEqual([
      '2024-03-11T09:30:00.000Z',
      '2024-03-12T09:30:00.000Z',
      '2024-03-13T09:30:00.000Z',
    ]);
    expect(occurrences('0 30 9 * * MON-FRI', '2024-03-08T09:30:00Z', 1)).toEqual(['2024-03-11T09:30:00.000Z']);
  });

  it('rolls over month and year boundaries', () => {
    expect(occurrences('0 0 0 1 * *', '2024-01-31T23:59:59Z', 2)).toEqual(['2024-02-01T00:00:00.000Z', '2024-03-01T00:00:00.000Z']);
    expect(occurrences('0 0 12 31 12 *', '2024-12-31T12:00:00Z', 1)).toEqual(['2025-12-31T12:00:00.000Z']);
  });

  it('skips months that lack the day (the 31st)', () => {
    expect(occurrences('0 0 8 31 * *', '2024-01-31T09:00:00Z', 3)).toEqual([
      '2024-03-31T08:00:00.000Z',
      '2024-05-31T08:00:00.000Z',
      '2024-07-31T08:00:00.000Z',
    ]);
  });

  it('fires on February 29 only in leap years', () => {
    expect(occurrences('0 0 0 29 2 *', '2024-03-01T00:00:00Z', 2)).toEqual(['2028-02-29T00:00:00.000Z', '2032-02-29T00:00:00.000Z']);
    // 2100 is not a leap year (divisible by 100, not by 400).
    expect(occurrences('0 0 0 29 2 *', '2096-03-01T00:00:00Z', 1)).toEqual(['2104-02-29T00:00:00.000Z']);
  });

  it('accepts month and day names, and both 0 and 7 for Sunday', () => {
    expect(occurrences('0 30 9 * Jan Mon', '2024-02-01T00:00:00Z', 1)).toEqual(['2025-01-06T09:30:00.000Z']);
    // 2024-03-10 is a Sunday.
    const sundays = ['2024-03-10T06:00:00.000Z'];
    expect(occurrences('0 0 6 * * 0', '2024-03-09T00:00:00Z', 1)).toEqual(sundays);
    expect(occurrences('0 0 6 * * 7', '2024-03-09T00:00:00Z', 1)).toEqual(sundays);
    expect(occurrences('0 0 6 * * SUN', '2024-03-09T00:00:00Z', 1)).toEqual(sundays);
    expect(occurrences('0 0 6 * MARCH SUNDAY', '2024-03-09T00:00:00Z', 1)).toEqual(sundays);
  });

  it('supports lists, ranges with steps and a start with a step', () => {
    expect(occurrences('0 1-30/10 * * * *', '2024-03-10T00:00:00Z', 4).map((iso) => iso.slice(11, 16))).toEqual(['00:01', '00:11', '00:21', '01:01']);
    expect(occurrences('0 0 7,18 * * *', '2024-03-10T08:00:00Z', 2)).toEqual(['2024-03-10T18:00:00.000Z', '2024-03-11T07:00:00.000Z']);
    // `45/5` means 45, 50, 55 (from 45 to the end of the field).
    expect(occurrences('45/5 * * * * *', '2024-03-10T08:00:00Z', 4).map((iso) => iso.slice(17, 19))).toEqual(['45', '50', '55', '45']);
  });

  it('needs both day-of-month and day-of-week to match when both are restricted, as Azure NCrontab does', () => {
    // Friday the 13th: 2024-09-13 and 2024-12-13 are Fridays.
    expect(occurrences('0 0 9 13 * FRI', '2024-03-01T00:00:00Z', 2)).toEqual(['2024-09-13T09:00:00.000Z', '2024-12-13T09:00:00.000Z']);
  });

  it('finds a yearly schedule quickly', () => {
    const schedule = parseNcrontab('0 0 0 29 2 MON');
    const started = performance.now();
    expect(nextOccurrence(schedule, new Date('2024-03-01T00:00:00Z')).toISOString()).toBe('2044-02-29T00:00:00.000Z');
    expect(performance.now() - started).toBeLessThan(50);
  });

  describe('rejects invalid expressions, naming the field', () => {
    it.each([
      ['0 */5 * * *', /expected 6 fields/],
      ['60 * * * * *', /second field "60": 60 is outside 0-59/],
      ['0 61 * * * *', /minute field/],
      ['0 0 24 * * *', /hour field/],
      ['0 0 0 0 * *', /day field/],
      ['0 0 0 1 13 *', /month field/],
      ['0 0 0 * * 8', /day-of-week field/],
      ['0 0 0 * FOO *', /month field "FOO"/],
      ['*/0 * * * * *', /second field "\*\/0": step "0"/],
      ['0 0 10-5 * * *', /hour field "10-5": range 10-5 runs backwards/],
      ['0 0 1,,2 * * *', /hour field/],
      ['0 0 0 30 2 *', /day field "30": no selected day exists/],
    ])('%s', (expression, message) => {
      const error = validationError(expression);
      expect(error.code).toBe('VALIDATION');
      expect(error.message).toMatch(message);
    });
  });
});
