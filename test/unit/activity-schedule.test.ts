/** When an activity happens, as a specification: time rules, the span lists match, due days. */
import { activitySpan, nextOccurrenceStart, occurrencesIn, timingIssues, type ActivityTiming } from '../../shared/domain/activity-schedule';

function timing(overrides: Partial<ActivityTiming>): ActivityTiming {
  return { type: 'meeting', timeZone: 'Europe/Paris', allDay: false, start: '2026-09-01T07:00:00.000Z', end: '2026-09-01T08:00:00.000Z', ...overrides };
}
const fields = (overrides: Partial<ActivityTiming>) => timingIssues(timing(overrides)).map((issue) => `${issue.field}: ${issue.message}`);
const todo = (overrides: Partial<ActivityTiming> = {}) => fields({ type: 'todo', start: undefined, end: undefined, dueDate: '2026-09-04', ...overrides });

describe('calls, meetings and events', () => {
  it('happen between a start and a later end', () => {
    expect(fields({})).toEqual([]);
    expect(fields({ type: 'call', start: undefined, end: undefined })).toEqual(['start: is required for a call', 'end: is required for a call']);
    expect(fields({ end: '2026-09-01T07:00:00.000Z' })).toEqual(['end: must be after start']);
  });

  it('have no due date', () => {
    expect(fields({ type: 'event', dueDate: '2026-09-01' })).toEqual(['dueDate: applies to to-dos; an event has a start and an end']);
  });

  it('last whole days from midnight to midnight in their zone when all-day', () => {
    // Midnight in Paris in September is 22:00Z the day before.
    expect(fields({ allDay: true, start: '2026-08-31T22:00:00.000Z', end: '2026-09-01T22:00:00.000Z' })).toEqual([]);
    expect(fields({ allDay: true, start: '2026-09-01T00:00:00.000Z', end: '2026-09-02T00:00:00.000Z' })).toEqual([
      'start: must be at midnight in Europe/Paris for an all-day meeting',
      'end: must be at midnight in Europe/Paris for an all-day meeting',
    ]);
  });

  it('have their recurrence checked once the times themselves are sound', () => {
    expect(fields({ recurrence: { frequency: 'daily', interval: 1 } })).toEqual(['recurrence: must end: give count or until']);
    expect(fields({ end: '2026-09-01T06:00:00.000Z', recurrence: { frequency: 'daily', interval: 1 } })).toEqual(['end: must be after start']);
  });
});

describe('to-dos', () => {
  it('are due on a day, without start, end, recurrence or all-day flag', () => {
    expect(todo()).toEqual([]);
    expect(todo({ dueDate: undefined })).toEqual(['dueDate: is required for a to-do']);
    expect(todo({ start: '2026-09-01T07:00:00.000Z', recurrence: { frequency: 'daily', interval: 1, count: 2 } })).toEqual([
      'start: applies to calls, meetings and events; a to-do has a dueDate',
      'recurrence: applies to calls, meetings and events; a to-do has a dueDate',
    ]);
    expect(todo({ allDay: true })).toEqual(['allDay: applies to calls, meetings and events; a to-do is due on a whole day already']);
  });

  it('span their due day in their zone, so one due today is still upcoming tonight', () => {
    expect(activitySpan(timing({ type: 'todo', start: undefined, end: undefined, dueDate: '2026-09-04', timeZone: 'Asia/Tokyo' }))).toEqual({
      start: '2026-09-03T15:00:00.000Z',
      end: '2026-09-04T15:00:00.000Z',
    });
  });

  it('occur once, on their due day', () => {
    const due = timing({ type: 'todo', start: undefined, end: undefined, dueDate: '2026-09-04', timeZone: 'UTC' });
    expect(occurrencesIn(due, { from: '2026-09-01T00:00:00.000Z', to: '2026-09-30T00:00:00.000Z' })).toEqual([{ start: '2026-09-04T00:00:00.000Z', end: '2026-09-05T00:00:00.000Z' }]);
  });
});

describe('the span lists are matched against', () => {
  it('is the activity itself, or a whole series from its first start to its last end', () => {
    expect(activitySpan(timing({}))).toEqual({ start: '2026-09-01T07:00:00.000Z', end: '2026-09-01T08:00:00.000Z' });
    expect(activitySpan(timing({ recurrence: { frequency: 'monthly', interval: 1, count: 3 } }))).toEqual({ start: '2026-09-01T07:00:00.000Z', end: '2026-11-01T09:00:00.000Z' });
  });
});

describe('when an open activity next happens (the Outlook card lists upcoming ones)', () => {
  const monthly = { type: 'meeting' as const, timeZone: 'Europe/Paris', start: '2026-09-15T11:00:00.000Z', end: '2026-09-15T12:00:00.000Z', allDay: false, recurrence: { frequency: 'monthly' as const, interval: 1 } };

  test('a series started months ago is shown at its next occurrence, not its first', () => {
    expect(nextOccurrenceStart(monthly, new Date('2026-11-28T09:00:00Z'))).toBe('2026-12-15T12:00:00.000Z');
  });

  test('a single activity keeps its own start', () => {
    const { recurrence: _recurrence, ...once } = monthly;
    expect(nextOccurrenceStart(once, new Date('2026-11-28T09:00:00Z'))).toBe('2026-09-15T11:00:00.000Z');
  });
});
