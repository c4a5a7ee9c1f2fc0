/** Which records an activity concerns, and how it completes and reopens, as a specification. */
import { concernedRefs, regardingKeys, type ActivityRecord } from '../../shared/domain/activity';
import { assertEditable, completionEntry, isSameCompletion, reopeningEntry, withCompletion, withReopening } from '../../shared/domain/activity-completion';
import { AppError } from '../../shared/domain/errors';

const NOW = new Date('2026-09-01T12:00:00.000Z');
const CONTACT = '11111111-1111-4111-8111-111111111111';
const ACCOUNT = '22222222-2222-4222-8222-222222222222';
const OPPORTUNITY = '33333333-3333-4333-8333-333333333333';

function activity(overrides: Partial<ActivityRecord> = {}): ActivityRecord {
  return {
    id: 'a1', tenantId: 't1', type: 'call', subject: 'Budget review', ownerId: 'rep', status: 'open', priority: 'normal',
    attendees: [{ userId: 'rep' }, { contactId: CONTACT }],
    regarding: [{ entity: 'contact', id: CONTACT }, { entity: 'account', id: ACCOUNT }, { entity: 'opportunity', id: OPPORTUNITY }],
    timeZone: 'UTC', start: '2026-09-01T09:00:00.000Z', end: '2026-09-01T09:30:00.000Z', allDay: false,
    completionCount: 0, attachments: [],
    createdAt: '2026-08-01T00:00:00.000Z', createdBy: 'rep', updatedAt: '2026-08-01T00:00:00.000Z', updatedBy: 'rep', deletedAt: null,
    ...overrides,
  };
}

function refusal(action: () => unknown): { code: string; fields: string[] } {
  try {
    action();
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, fields: error.issues.map((issue) => issue.field) };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('the records an activity concerns', () => {
  it('are what it regards plus the contacts who attend, each once, users aside', () => {
    const other = '44444444-4444-4444-8444-444444444444';
    const keys = regardingKeys(activity({ attendees: [{ userId: 'rep' }, { contactId: CONTACT }, { contactId: other }] }));
    expect(keys).toEqual([`contact:${CONTACT}`, `account:${ACCOUNT}`, `opportunity:${OPPORTUNITY}`, `contact:${other}`]);
  });

  it('may be none: a personal to-do concerns no record', () => {
    expect(concernedRefs(activity({ regarding: [], attendees: [{ userId: 'rep' }] }))).toEqual([]);
  });
});

describe('completing', () => {
  it('records the result, who and when (now by default), and counts the completion', () => {
    const done = withCompletion(activity(), { result: 'Agreed on the budget.' }, 'rep', NOW);
    expect(done).toMatchObject({ status: 'completed', completionCount: 1, completion: { result: 'Agreed on the budget.', completedAt: NOW.toISOString(), completedBy: 'rep' } });
  });

  it('accepts a time in the past, refuses one in the future beyond clock drift', () => {
    expect(withCompletion(activity(), { result: 'x', completedAt: '2026-08-30T10:00:00.000Z' }, 'rep', NOW).completion?.completedAt).toBe('2026-08-30T10:00:00.000Z');
    expect(withCompletion(activity(), { result: 'x', completedAt: '2026-09-01T12:04:00.000Z' }, 'rep', NOW).status).toBe('completed');
    expect(refusal(() => withCompletion(activity(), { result: 'x', completedAt: '2026-09-01T13:00:00.000Z' }, 'rep', NOW))).toEqual({ code: 'VALIDATION', fields: ['completedAt'] });
  });

  it('needs an open activity', () => {
    expect(refusal(() => withCompletion(activity({ status: 'cancelled' }), { result: 'x' }, 'rep', NOW))).toEqual({ code: 'VALIDATION', fields: ['status'] });
    expect(refusal(() => withCompletion(activity({ status: 'completed' }), { result: 'x' }, 'rep', NOW))).toEqual({ code: 'VALIDATION', fields: ['status'] });
  });

  it('recognises a repeated request as the completion already recorded', () => {
    const done = withCompletion(activity(), { result: 'Agreed.' }, 'rep', NOW);
    expect(isSameCompletion(done, { result: 'Agreed.' })).toBe(true);
    expect(isSameCompletion(done, { result: 'Agreed.', completedAt: '2026-09-01T12:00:00Z' })).toBe(true);
    expect(isSameCompletion(done, { result: 'Something else.' })).toBe(false);
    expect(isSameCompletion(activity(), { result: 'Agreed.' })).toBe(false);
  });

  it('puts one entry on the timeline of every record concerned, titled by type and subject, with the result', () => {
    const entry = completionEntry(withCompletion(activity(), { result: 'Agreed on the budget.' }, 'rep', NOW));
    expect(entry).toMatchObject({
      id: 'activity-a1-completed', kind: 'activity', title: 'Call completed: Budget review', summary: 'Agreed on the budget.',
      occurredAt: NOW.toISOString(), actorId: 'rep', source: { entity: 'activity', id: 'a1' },
    });
    expect(entry?.regarding.map((ref) => ref.entity)).toEqual(['contact', 'account', 'opportunity']);
  });

  it('numbers the entry of a second completion so both stay on the timeline', () => {
    const again = withCompletion(activity({ completionCount: 1 }), { result: 'Second time.' }, 'rep', NOW);
    expect(completionEntry(again)?.id).toBe('activity-a1-completed-2');
  });

  it('has no timeline entry when nothing is concerned or it is not completed', () => {
    expect(completionEntry(withCompletion(activity({ regarding: [], attendees: [] }), { result: 'x' }, 'rep', NOW))).toBeNull();
    expect(completionEntry(activity())).toBeNull();
  });
});

describe('reopening and editing', () => {
  it('reopens a completed activity, dropping the result and noting the reopening on the timelines', () => {
    const done = withCompletion(activity(), { result: 'Oops, wrong call.' }, 'rep', NOW);
    const reopened = withReopening(done, 'manager', NOW);
    expect(reopened.status).toBe('open');
    expect(reopened.completion).toBeUndefined();
    expect(reopeningEntry(reopened)).toMatchObject({ id: 'activity-a1-reopened-1', title: 'Call reopened: Budget review', actorId: 'manager' });
  });

  it('reopens a cancelled activity without a timeline entry, and refuses to reopen an open one', () => {
    expect(reopeningEntry(withReopening(activity({ status: 'cancelled' }), 'rep', NOW))).toBeNull();
    expect(refusal(() => withReopening(activity(), 'rep', NOW))).toEqual({ code: 'VALIDATION', fields: ['status'] });
  });

  it('keeps completed and cancelled activities read-only until reopened', () => {
    expect(() => assertEditable(activity())).not.toThrow();
    expect(refusal(() => assertEditable(activity({ status: 'completed' })))).toEqual({ code: 'VALIDATION', fields: ['status'] });
    expect(refusal(() => assertEditable(activity({ status: 'cancelled' })))).toEqual({ code: 'VALIDATION', fields: ['status'] });
  });
});
