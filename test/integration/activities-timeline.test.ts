/** Completing an activity shows its result on the timeline of every record it concerns; reopening is noted too. */
import { useLocalStack } from '../support/use-local-stack';

type Activity = { id: string; etag: string; status: string; completion?: { result: string; completedAt: string } };
type Entry = { id: string; kind: string; title: string; summary?: string; occurredAt: string; source?: { entity: string; id: string } };
type Problem = { code: string; errors?: Array<{ field: string }> };

const { call, tokens } = useLocalStack({ users: ['rep1'] });
let rep: string;
let account: { id: string };
let contact: { id: string };
let attendee: { id: string };
let opportunityId: string;

beforeAll(async () => {
  rep = tokens.rep1;
  account = (await call<{ id: string }>('POST', 'accounts', { token: rep, body: { name: 'Completion Corp' } })).body;
  contact = (await call<{ id: string }>('POST', 'contacts', { token: rep, body: { lastName: 'Closer', accountId: account.id } })).body;
  attendee = (await call<{ id: string }>('POST', 'contacts', { token: rep, body: { lastName: 'Listener', accountId: account.id } })).body;
  const deal = await call<{ id: string }>('POST', 'opportunities', { token: rep, body: { name: 'Completion Corp renewal', accountId: account.id, expectedCloseDate: '2027-01-31' } });
  expect(deal.status).toBe(201);
  opportunityId = deal.body.id;
});

async function budgetCall(): Promise<Activity> {
  const created = await call<Activity>('POST', 'activities', {
    token: rep,
    body: {
      type: 'call', subject: 'Budget review', timeZone: 'Europe/London', start: '2026-09-01T09:00:00Z', end: '2026-09-01T09:30:00Z',
      regarding: [{ entity: 'contact', id: contact.id }, { entity: 'account', id: account.id }, { entity: 'opportunity', id: opportunityId }],
      attendees: [{ contactId: contact.id }, { contactId: attendee.id }],
    },
  });
  expect(created.status).toBe(201);
  return created.body;
}

/** Completes with the activity's ETag, or without If-Match when `etag` is null. */
function complete(activity: Activity, body: Record<string, unknown>, etag: string | null = activity.etag) {
  return call<Activity>('POST', `activities/${activity.id}/complete`, { token: rep, body, headers: etag === null ? {} : { 'If-Match': etag } });
}

async function timeline(path: string): Promise<Entry[]> {
  const response = await call<{ items: Entry[] }>('GET', `${path}/history`, { token: rep });
  expect(response.status).toBe(200);
  return response.body.items;
}

const TIMELINES = () => [`contacts/${contact.id}`, `accounts/${account.id}`, `opportunities/${opportunityId}`, `contacts/${attendee.id}`];

describe('completing an activity', () => {
  it('needs If-Match, then records the result once on the timeline of every record it regards and every contact who attended', async () => {
    const activity = await budgetCall();
    expect((await complete(activity, { result: 'Budget approved.' }, null)).status).toBe(428);
    const done = await complete(activity, { result: 'Budget approved.', completedAt: '2026-09-01T09:35:00Z' });
    expect(done.status).toBe(200);
    expect(done.headers.get('etag')).toBe(done.body.etag);
    expect(done.body).toMatchObject({ status: 'completed', completion: { result: 'Budget approved.', completedAt: '2026-09-01T09:35:00.000Z' } });
    for (const path of TIMELINES()) {
      const entries = (await timeline(path)).filter((entry) => entry.source?.id === activity.id);
      expect(entries).toEqual([
        expect.objectContaining({ id: `activity-${activity.id}-completed`, kind: 'activity', title: 'Call completed: Budget review', summary: 'Budget approved.', occurredAt: '2026-09-01T09:35:00.000Z' }),
      ]);
    }
  });

  it('answers a repeated completion as done, even with the ETag read before it, and refuses another result', async () => {
    const activity = await budgetCall();
    const first = await complete(activity, { result: 'Left a voicemail.' });
    const again = await complete(activity, { result: 'Left a voicemail.' });
    expect([again.status, again.body.etag]).toEqual([200, first.body.etag]);
    const other = await call<Problem>('POST', `activities/${activity.id}/complete`, { token: rep, body: { result: 'Spoke to them.' }, headers: { 'If-Match': first.body.etag } });
    expect([other.status, other.body.errors?.[0]?.field]).toEqual([400, 'status']);
    const stale = await call<Problem>('POST', `activities/${activity.id}/complete`, { token: rep, body: { result: 'Spoke to them.' }, headers: { 'If-Match': activity.etag } });
    expect(stale.status).toBe(412);
    const entries = (await timeline(`contacts/${contact.id}`)).filter((entry) => entry.source?.id === activity.id);
    expect(entries).toHaveLength(1);
  });

  it('refuses a completion time in the future', async () => {
    const activity = await budgetCall();
    const future = await call<Problem>('POST', `activities/${activity.id}/complete`, { token: rep, body: { result: 'x', completedAt: '2099-01-01T00:00:00Z' }, headers: { 'If-Match': activity.etag } });
    expect([future.status, future.body.errors?.[0]?.field]).toEqual([400, 'completedAt']);
  });
});

describe('reopening', () => {
  it('reopens a completed activity, notes it on the timelines, and numbers the next completion', async () => {
    const activity = await budgetCall();
    const done = await complete(activity, { result: 'Wrong call logged.' });
    expect((await call('POST', `activities/${activity.id}/reopen`, { token: rep })).status).toBe(428);
    const reopened = await call<Activity>('POST', `activities/${activity.id}/reopen`, { token: rep, headers: { 'If-Match': done.body.etag } });
    expect(reopened.status).toBe(200);
    expect(reopened.body.status).toBe('open');
    expect(reopened.body).not.toHaveProperty('completion');
    const edited = await call<Activity>('PATCH', `activities/${activity.id}`, { token: rep, body: { subject: 'Budget review, take two' }, headers: { 'If-Match': reopened.body.etag } });
    expect(edited.status).toBe(200);
    expect((await complete(edited.body, { result: 'Budget approved at last.' })).status).toBe(200);
    const titles = (await timeline(`accounts/${account.id}`)).filter((entry) => entry.source?.id === activity.id).map((entry) => `${entry.id.replace(activity.id, 'X')} ${entry.title}`);
    expect(titles.sort()).toEqual([
      'activity-X-completed Call completed: Budget review',
      'activity-X-completed-2 Call completed: Budget review, take two',
      'activity-X-reopened-1 Call reopened: Budget review',
    ]);
  });
});
