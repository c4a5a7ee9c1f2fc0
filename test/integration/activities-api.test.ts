/** Activities over HTTP as a client sees them: lifecycle, validation, the lists a pane shows, roles and tenants. */
import { demoUser } from '../../local/seed/seed-support';
import { useLocalStack } from '../support/use-local-stack';

type Ref = { entity: string; id: string };
type Activity = { id: string; etag: string; type: string; subject: string; status: string; start?: string; dueDate?: string; regarding: Ref[]; ownerId: string };
type Page = { items: Activity[]; continuation: string | null };
type Problem = { code: string; errors?: Array<{ field: string }> };

const { call, tokens } = useLocalStack({ users: ['rep1', 'manager', 'marketing', 'readonly', 'other-rep'] });
let account: { id: string };
let contact: { id: string };
let otherContact: { id: string };

const HOUR = 60 * 60 * 1000;
/** Whole hours from now, so "upcoming" tests hold whenever they run. */
const hoursFromNow = (hours: number) => new Date(Math.floor(Date.now() / HOUR) * HOUR + hours * HOUR).toISOString();
const ids = (page: Page) => page.items.map((item) => item.id);
const fields = (problem: Problem) => (problem.errors ?? []).map((issue) => issue.field);

beforeAll(async () => {
  account = (await call<{ id: string }>('POST', 'accounts', { token: tokens.rep1, body: { name: 'Activity Partners' } })).body;
  contact = (await call<{ id: string }>('POST', 'contacts', { token: tokens.rep1, body: { lastName: 'Agenda', accountId: account.id } })).body;
  otherContact = (await call<{ id: string }>('POST', 'contacts', { token: tokens['other-rep'], body: { lastName: 'Elsewhere' } })).body;
});

function meeting(extra: Record<string, unknown> = {}, token = tokens.rep1) {
  return call<Activity>('POST', 'activities', {
    token,
    body: {
      type: 'meeting', subject: 'Product demo', timeZone: 'Europe/Paris', start: hoursFromNow(48), end: hoursFromNow(49),
      regarding: [{ entity: 'contact', id: contact.id }, { entity: 'account', id: account.id }], attendees: [{ contactId: contact.id }], ...extra,
    },
  });
}

describe('activity lifecycle', () => {
  it('creates with 201, ETag and Location, owned by the caller, then reads the same version', async () => {
    const created = await meeting({ start: '2030-03-01T09:00:00Z', end: '2030-03-01T10:00:00Z' });
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe(created.body.etag);
    expect(created.headers.get('location')).toBe(`/api/activities/${created.body.id}`);
    expect(created.body).toMatchObject({ status: 'open', priority: 'normal', allDay: false, start: '2030-03-01T09:00:00.000Z', ownerId: demoUser('rep1').userId, attachments: [] });
    for (const internal of ['tenantId', 'regardingKeys', 'startsAt', 'completionCount', 'deletedAt']) expect(created.body).not.toHaveProperty(internal);
    const read = await call<Activity>('GET', `activities/${created.body.id}`, { token: tokens.rep1 });
    expect(read.headers.get('etag')).toBe(created.body.etag);
  });

  it('updates with If-Match (428 without, 412 when stale), cancels, and soft-deletes', async () => {
    const created = (await meeting()).body;
    const path = `activities/${created.id}`;
    expect((await call('PATCH', path, { token: tokens.rep1, body: { subject: 'Demo v2' } })).status).toBe(428);
    const updated = await call<Activity>('PATCH', path, { token: tokens.rep1, body: { subject: 'Demo v2', location: 'Paris office' }, headers: { 'If-Match': created.etag } });
    expect(updated.status).toBe(200);
    expect((await call<Problem>('PATCH', path, { token: tokens.rep1, body: { subject: 'Lost' }, headers: { 'If-Match': created.etag } })).status).toBe(412);
    const cancelled = await call<Activity>('PATCH', path, { token: tokens.rep1, body: { status: 'cancelled' }, headers: { 'If-Match': updated.body.etag } });
    expect(cancelled.body.status).toBe('cancelled');
    const readOnly = await call<Problem>('PATCH', path, { token: tokens.rep1, body: { subject: 'Again' }, headers: { 'If-Match': cancelled.body.etag } });
    expect([readOnly.status, fields(readOnly.body)]).toEqual([400, ['status']]);
    expect((await call('DELETE', path, { token: tokens.rep1, headers: { 'If-Match': cancelled.body.etag } })).status).toBe(204);
    expect((await call('GET', path, { token: tokens.rep1 })).status).toBe(404);
  });

  it('checks the timing of the patched result, whichever field moved', async () => {
    const created = (await meeting()).body;
    const moved = await call<Problem>('PATCH', `activities/${created.id}`, { token: tokens.rep1, body: { end: hoursFromNow(47) }, headers: { 'If-Match': created.etag } });
    expect([moved.status, fields(moved.body)]).toEqual([400, ['end']]);
  });
});

describe('what an activity must be', () => {
  it.each([
    ['an end before the start', { end: hoursFromNow(47) }, ['end']],
    ['a due date on a meeting', { dueDate: '2030-01-01' }, ['dueDate']],
    ['an unknown time zone', { timeZone: 'Europe/Atlantis' }, ['timeZone']],
    ['an offset instead of a UTC instant', { start: '2030-03-01T09:00:00+01:00' }, ['start']],
    ['an all-day meeting not at midnight in its zone', { allDay: true, start: '2030-03-01T00:00:00Z', end: '2030-03-02T00:00:00Z' }, ['start', 'end']],
    ['a series without an end', { recurrence: { frequency: 'weekly' } }, ['recurrence']],
    ['an attendee that is neither a user nor a contact', { attendees: [{}] }, ['attendees.0']],
  ])('refuses %s, naming the field', async (_label, extra, expected) => {
    const response = await meeting(extra);
    expect(response.status).toBe(400);
    expect(fields(response.body as unknown as Problem)).toEqual(expected);
  });

  it('refuses regarding records and contact attendees that do not exist in the tenant, naming each', async () => {
    const response = await meeting({
      regarding: [{ entity: 'contact', id: contact.id }, { entity: 'opportunity', id: '00000000-0000-4000-8000-000000000000' }, { entity: 'contact', id: otherContact.id }],
      attendees: [{ userId: demoUser('rep2').userId }, { contactId: otherContact.id }],
    });
    expect(response.status).toBe(400);
    expect(fields(response.body as unknown as Problem)).toEqual(['regarding.1.id', 'regarding.2.id', 'attendees.1.contactId']);
  });

  it('is a to-do due on a day, or a call with a start and end', async () => {
    const todo = await call<Activity>('POST', 'activities', { token: tokens.rep1, body: { type: 'todo', subject: 'Send quote', timeZone: 'UTC', dueDate: '2030-01-15' } });
    expect([todo.status, todo.body.dueDate]).toEqual([201, '2030-01-15']);
    const noDue = await call<Problem>('POST', 'activities', { token: tokens.rep1, body: { type: 'todo', subject: 'Send quote', timeZone: 'UTC' } });
    expect(fields(noDue.body)).toEqual(['dueDate']);
  });
});

describe('lists', () => {
  let expected: string[];
  let person: { id: string };

  beforeAll(async () => {
    const fresh = (await call<{ id: string }>('POST', 'contacts', { token: tokens.rep1, body: { lastName: 'Upcoming' } })).body;
    const about = { regarding: [{ entity: 'contact', id: fresh.id }], attendees: [] };
    const create = async (body: Record<string, unknown>) => (await meeting({ ...about, ...body })).body;
    await create({ subject: 'Last week', start: hoursFromNow(-170), end: hoursFromNow(-169) });
    const cancelled = await create({ subject: 'Called off', start: hoursFromNow(30), end: hoursFromNow(31) });
    await call('PATCH', `activities/${cancelled.id}`, { token: tokens.rep1, body: { status: 'cancelled' }, headers: { 'If-Match': cancelled.etag } });
    await meeting({ subject: 'Not theirs', start: hoursFromNow(5), end: hoursFromNow(6) });
    const later = await create({ subject: 'Later', start: hoursFromNow(72), end: hoursFromNow(73) });
    const inProgress = await create({ subject: 'Going on now', start: hoursFromNow(-1), end: hoursFromNow(2) });
    const attended = await create({ subject: 'They attend', regarding: [], attendees: [{ contactId: fresh.id }], start: hoursFromNow(24), end: hoursFromNow(25) });
    const todo = (await call<Activity>('POST', 'activities', { token: tokens.rep1, body: { type: 'todo', subject: 'Follow up', timeZone: 'UTC', dueDate: hoursFromNow(96).slice(0, 10), ...about } })).body;
    expected = [inProgress.id, attended.id, later.id, todo.id];
    person = fresh;
  });

  it('answers the upcoming open activities of a contact in one request, in time order, including those they attend', async () => {
    const page = await call<Page>('GET', `activities?regardingType=contact&regardingId=${person.id}&status=open&from=now`, { token: tokens.rep1 });
    expect(page.status).toBe(200);
    expect(ids(page.body)).toEqual(expected);
  });

  it('pages the same list with continuation tokens, a moment apart', async () => {
    const seen: string[] = [];
    let continuation: string | null = null;
    do {
      const query: string = `activities?regardingType=contact&regardingId=${person.id}&status=open&from=now&limit=1${continuation ? `&continuation=${encodeURIComponent(continuation)}` : ''}`;
      const page: { status: number; body: Page } = await call<Page>('GET', query, { token: tokens.rep1 });
      expect(page.status).toBe(200);
      seen.push(...ids(page.body));
      continuation = page.body.continuation;
    } while (continuation);
    expect(seen).toEqual(expected);
  });

  it('filters by type and by an explicit window, and refuses a window that ends before it starts', async () => {
    const todos = await call<Page>('GET', `activities?regardingType=contact&regardingId=${person.id}&type=todo`, { token: tokens.rep1 });
    expect(todos.body.items.map((item) => item.subject)).toEqual(['Follow up']);
    const window = await call<Page>('GET', `activities?regardingType=contact&regardingId=${person.id}&from=${hoursFromNow(20)}&to=${hoursFromNow(71)}`, { token: tokens.rep1 });
    expect(window.body.items.map((item) => item.subject)).toEqual(['They attend', 'Called off']);
    const backwards = await call<Problem>('GET', `activities?from=${hoursFromNow(5)}&to=${hoursFromNow(1)}`, { token: tokens.rep1 });
    expect([backwards.status, fields(backwards.body)]).toEqual([400, ['to']]);
    const half = await call<Problem>('GET', 'activities?regardingType=contact', { token: tokens.rep1 });
    expect(fields(half.body)).toEqual(['regardingId']);
  });
});

describe('recurring activities', () => {
  it('lists occurrences at the same wall-clock time across DST, within a bounded window', async () => {
    const weekly = await meeting({ start: '2030-03-25T08:00:00Z', end: '2030-03-25T09:00:00Z', recurrence: { frequency: 'weekly', count: 3 } });
    expect(weekly.status).toBe(201);
    const occurrences = await call<{ items: Array<{ start: string }> }>('GET', `activities/${weekly.body.id}/occurrences?from=2030-03-01T00:00:00Z&to=2030-05-01T00:00:00Z`, { token: tokens.rep1 });
    expect(occurrences.body.items.map((item) => item.start)).toEqual(['2030-03-25T08:00:00.000Z', '2030-04-01T07:00:00.000Z', '2030-04-08T07:00:00.000Z']);
    const tooWide = await call<Problem>('GET', `activities/${weekly.body.id}/occurrences?from=2030-01-01T00:00:00Z&to=2031-06-01T00:00:00Z`, { token: tokens.rep1 });
    expect([tooWide.status, fields(tooWide.body)]).toEqual([400, ['to']]);
  });
});

describe('roles and tenants', () => {
  it.each([
    ['readonly', 403],
    ['marketing', 201],
    ['manager', 201],
  ])('%s creating an activity → %i', async (user, status) => {
    expect((await meeting({ regarding: [], attendees: [] }, tokens[user])).status).toBe(status);
  });

  it('lets only those who may assign give an activity to someone else', async () => {
    const ownerId = demoUser('rep2').userId;
    expect((await meeting({ ownerId }, tokens.rep1)).status).toBe(403);
    expect((await meeting({ ownerId }, tokens.manager)).body.ownerId).toBe(ownerId);
  });

  it('answers 404 to another tenant by id and keeps it out of their lists', async () => {
    const created = (await meeting()).body;
    const other = tokens['other-rep'];
    expect((await call('GET', `activities/${created.id}`, { token: other })).status).toBe(404);
    expect((await call('PATCH', `activities/${created.id}`, { token: other, body: { subject: 'Hijack' }, headers: { 'If-Match': created.etag } })).status).toBe(404);
    expect((await call('POST', `activities/${created.id}/complete`, { token: other, body: { result: 'x' }, headers: { 'If-Match': created.etag } })).status).toBe(404);
    const theirs = await call<Page>('GET', `activities?regardingType=account&regardingId=${account.id}`, { token: other });
    expect(theirs.body.items).toEqual([]);
    const readonly = await call<Activity>('GET', `activities/${created.id}`, { token: tokens.readonly });
    expect(readonly.status).toBe(200);
  });
});
