/**
 * The Outlook pane's server side over real sockets: the whole context of a message in one call,
 * tracking an e-mail once whatever happens, and linking a meeting then recording its outcome.
 * Teams as in the demo: rep1 in East, rep2 in West, the manager over both.
 */
import { randomUUID } from 'node:crypto';
import { DEMO_TEAMS, demoUser } from '../../local/seed/seed-support';
import { useLocalStack } from '../support/use-local-stack';

type Rec = { id: string; etag: string } & Record<string, unknown>;
type Entry = { id: string; kind: string; title: string; summary?: string; source?: { entity: string; id: string } };
type Card = Rec & { displayName: string; ownerId: string; ownerName?: string; phone?: string; emails: string[]; upcomingActivities: Array<{ id: string; subject: string }>; recentHistory: Entry[] };
type Deal = { id: string; name: string; amount?: number; expectedCloseDate: string; ownerName?: string };
type Suggestions = { accounts: Array<{ id: string; reason: string }>; contacts: Array<{ id: string; displayName: string; reason: string }>; prefill: Record<string, string> };
type Participant = { email: string; role: string; contactIds: string[]; suggestions?: Suggestions };
type Tracked = { id: string; internetMessageId?: string; trackingId?: string; alreadyTracked: boolean; historyEntryId: string; regarding: unknown[] };
type Meeting = { activityId: string; etag: string; start: string; status: string; completion?: { result: string }; regarding: Array<{ entity: string; id: string }> };
type Context = { participants: Participant[]; contacts: Card[]; accounts: Array<{ id: string; ownerName?: string; openOpportunities: Deal[] }>; tracked: Tracked | null; meeting: Meeting | null };
type Problem = { errors?: Array<{ field: string }> };

const DOMAIN = 'orbital-freight.example';
const OLIVIA = `olivia.andersen@${DOMAIN}`;

type User = 'admin' | 'manager' | 'rep1' | 'rep2' | 'marketing' | 'readonly' | 'other-rep';
const USERS: User[] = ['admin', 'manager', 'rep1', 'rep2', 'marketing', 'readonly', 'other-rep'];
const { call, tokens } = useLocalStack({ users: USERS });
let account: Rec;
let olivia: Rec;
const deals: Record<string, Rec> = {};
let ownMeeting: Rec;
let rivalCall: Rec;

async function created(path: string, token: string, body: unknown): Promise<Rec> {
  const response = await call<Rec>('POST', path, { token, body });
  expect(response.status).toBe(201);
  return response.body;
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

beforeAll(async () => {
  expect((await call('PUT', 'admin/teams', { token: tokens.admin, headers: { 'If-Match': '*' }, body: { teams: DEMO_TEAMS } })).status).toBe(200);
  const rules = await call<{ rules: unknown[] }>('GET', 'admin/field-rules', { token: tokens.admin });
  const hidden = ['jobTitle', 'phones', 'firstName'].map((field) => ({ entity: 'contact', field, role: 'marketing', access: 'hidden' }));
  const saved = await call('PUT', 'admin/field-rules', {
    token: tokens.admin, headers: { 'If-Match': '*' }, body: { rules: [...rules.body.rules, ...hidden, { entity: 'opportunity', field: 'amount', role: 'marketing', access: 'hidden' }] },
  });
  expect(saved.status).toBe(200);

  const rep1 = tokens.rep1;
  account = await created('accounts', rep1, { name: 'Orbital Freight', emailDomains: [DOMAIN] });
  olivia = await created('contacts', rep1, {
    firstName: 'Olivia', lastName: 'Andersen', jobTitle: 'Head of Procurement', accountId: account.id, emails: [{ address: OLIVIA }], phones: [{ number: '+1 555 0188' }],
  });
  deals.later = await created('opportunities', rep1, { name: 'Orbital fleet renewal', accountId: account.id, amount: 50000, expectedCloseDate: '2027-03-31' });
  deals.sooner = await created('opportunities', rep1, { name: 'Orbital pilot', accountId: account.id, amount: 8000, expectedCloseDate: '2026-12-31' });
  deals.won = await created('opportunities', rep1, { name: 'Orbital first order', accountId: account.id, amount: 1000, expectedCloseDate: '2026-01-31', stage: 'closed-won' });
  deals.rival = await created('opportunities', tokens.rep2, { name: 'Orbital West deal', accountId: account.id, amount: 9999, expectedCloseDate: '2026-11-30' });
  const meetingBody = (subject: string) => ({
    type: 'meeting', subject, timeZone: 'Europe/Paris', start: inDays(3), end: inDays(3.05), regarding: [{ entity: 'contact', id: olivia.id }],
  });
  ownMeeting = await created('activities', rep1, meetingBody('Orbital kick-off'));
  rivalCall = await created('activities', tokens.rep2, { ...meetingBody('West team call'), type: 'call' });
  await created('notes', rep1, { regarding: [{ entity: 'contact', id: olivia.id }], text: 'Prefers calls before 10am.' });
});

function context(token: string, participants: Array<Record<string, string>>, item?: Record<string, string>) {
  return call<Context>('POST', 'outlook/context', { token, body: { participants, ...(item ? { item } : {}) } });
}

async function contactTimeline(kind: string): Promise<Entry[]> {
  const response = await call<{ items: Entry[] }>('GET', `contacts/${olivia.id}/history?limit=200`, { token: tokens.rep1 });
  expect(response.status).toBe(200);
  return response.body.items.filter((entry) => entry.kind === kind);
}

function trackBody(ids: { internetMessageId?: string; trackingId?: string }, extra: Record<string, unknown> = {}) {
  return {
    ...ids, subject: 'Renewal terms', from: { email: OLIVIA, name: 'Olivia Andersen' }, to: [{ email: 'priya.raman@contoso.example' }], cc: [],
    sentAt: '2026-09-01T09:00:00Z', bodyExcerpt: 'Hello Priya,\n\nplease find our terms.', contactIds: [olivia.id], accountId: account.id, opportunityId: deals.later?.id, ...extra,
  };
}

describe('the context of a message', () => {
  it('shows a known sender with card, account, open deals soonest first, upcoming activities and history, in one call', async () => {
    const started = performance.now();
    const response = await context(tokens.rep1, [
      { email: 'Olivia.Andersen@Orbital-Freight.example', name: 'Olivia Andersen', role: 'from' },
      { email: OLIVIA, role: 'cc' },
    ]);
    expect(performance.now() - started).toBeLessThan(1500);
    expect(response.status).toBe(200);
    const { participants, contacts, accounts, tracked, meeting } = response.body;
    expect(participants.map((p) => [p.email, p.role, p.contactIds])).toEqual([[OLIVIA, 'from', [olivia.id]], [OLIVIA, 'cc', [olivia.id]]]);
    expect(participants[0]).not.toHaveProperty('suggestions');
    expect(contacts).toHaveLength(1);
    expect(contacts[0]).toMatchObject({ id: olivia.id, displayName: 'Olivia Andersen', jobTitle: 'Head of Procurement', phone: '+1 555 0188', emails: [OLIVIA], accountId: account.id });
    expect(contacts[0]?.upcomingActivities.map((activity) => activity.subject)).toEqual(['Orbital kick-off']);
    expect(contacts[0]?.recentHistory.map((entry) => entry.summary)).toContain('Prefers calls before 10am.');
    expect(accounts.map((panel) => panel.id)).toEqual([account.id]);
    expect(accounts[0]?.openOpportunities.map((deal) => deal.name)).toEqual(['Orbital pilot', 'Orbital fleet renewal']);
    expect(accounts[0]?.openOpportunities[0]?.amount).toBe(8000);
    expect([tracked, meeting]).toEqual([null, null]);
  });

  it("keeps another team's private deals and activities out of a rep's panel, and shows them to their manager", async () => {
    const rep = (await context(tokens.rep1, [{ email: OLIVIA, role: 'from' }])).body;
    expect(rep.accounts[0]?.openOpportunities.map((deal) => deal.id)).not.toContain(deals.rival?.id);
    expect(rep.contacts[0]?.upcomingActivities.map((activity) => activity.id)).toEqual([ownMeeting.id]);
    const manager = (await context(tokens.manager, [{ email: OLIVIA, role: 'from' }])).body;
    expect(manager.accounts[0]?.openOpportunities.map((deal) => deal.name)).toEqual(['Orbital West deal', 'Orbital pilot', 'Orbital fleet renewal']);
    expect(manager.contacts[0]?.upcomingActivities.map((activity) => activity.id).sort()).toEqual([ownMeeting.id, rivalCall.id].sort());
  });

  it("suggests the account of a known domain for an unknown address, prefilled from the display name", async () => {
    const response = await context(tokens.rep1, [{ email: `nina.berg@${DOMAIN}`, name: 'Berg, Nina', role: 'to' }]);
    const [participant] = response.body.participants;
    expect(participant?.contactIds).toEqual([]);
    expect(participant?.suggestions?.accounts).toEqual([{ id: account.id, name: 'Orbital Freight', reason: 'email-domain' }]);
    expect(participant?.suggestions?.prefill).toEqual({ firstName: 'Nina', lastName: 'Berg', accountId: account.id });
    expect(response.body.contacts).toEqual([]);
  });

  it('suggests the contact who writes from another address under the same name', async () => {
    const response = await context(tokens.rep1, [{ email: 'olivia.andersen@gmail.com', role: 'from' }]);
    expect(response.body.participants[0]?.suggestions?.contacts).toEqual([expect.objectContaining({ id: olivia.id, displayName: 'Olivia Andersen', reason: 'alternate-email' })]);
  });

  it('gives a complete stranger no contacts and empty suggestions', async () => {
    const response = await context(tokens.rep1, [{ email: 'someone@nowhere-at-all.example', role: 'from' }]);
    expect(response.body.participants).toEqual([{ email: 'someone@nowhere-at-all.example', role: 'from', contactIds: [], suggestions: { accounts: [], contacts: [], prefill: {} } }]);
  });

  it('never matches across tenants', async () => {
    const response = await context(tokens['other-rep'], [{ email: OLIVIA, role: 'from' }]);
    expect(response.status).toBe(200);
    expect(response.body.participants[0]?.contactIds).toEqual([]);
    expect(response.body.contacts).toEqual([]);
  });

  it('leaves fields hidden by a field rule out of the cards, names and deal summaries', async () => {
    const response = await context(tokens.marketing, [{ email: OLIVIA, role: 'from' }, { email: 'olivia.andersen@gmail.com', role: 'cc' }]);
    const card = response.body.contacts[0];
    expect(card?.lastName).toBe('Andersen');
    for (const field of ['jobTitle', 'phone', 'firstName']) expect(card).not.toHaveProperty(field);
    expect(card?.displayName).toBe('Andersen');
    expect(response.body.participants[1]?.suggestions?.contacts[0]?.displayName).toBe('Andersen');
    expect(response.body.accounts[0]?.openOpportunities.length).toBeGreaterThan(0);
    for (const deal of response.body.accounts[0]?.openOpportunities ?? []) expect(deal).not.toHaveProperty('amount');
  });

  it('refuses a request without participants, naming the field', async () => {
    const response = await call<Problem>('POST', 'outlook/context', { token: tokens.rep1, body: { participants: [] } });
    expect([response.status, response.body.errors?.[0]?.field]).toEqual([400, 'participants']);
  });
});

describe('owner names on the cards', () => {
  it("names the owner of a contact owned by another rep, and of the account and deals, from those who signed in", async () => {
    const address = `ravi.shah@${DOMAIN}`;
    const ravi = await created('contacts', tokens.rep2, { firstName: 'Ravi', lastName: 'Shah', emails: [{ address }] });
    const response = await context(tokens.rep1, [{ email: address, role: 'from' }, { email: OLIVIA, role: 'cc' }]);
    expect(response.status).toBe(200);
    const card = response.body.contacts.find((contact) => contact.id === ravi.id);
    expect(card).toMatchObject({ ownerId: demoUser('rep2').userId, ownerName: 'Lucas Moreau' });
    expect(response.body.contacts.find((contact) => contact.id === olivia.id)?.ownerName).toBe('Priya Raman');
    expect(response.body.accounts[0]).toMatchObject({ id: account.id, ownerName: 'Priya Raman' });
    expect(response.body.accounts[0]?.openOpportunities.map((deal) => deal.ownerName)).toEqual(['Priya Raman', 'Priya Raman']);
  });

  it('leaves the name out for an owner who never signed in, keeping the id', async () => {
    const address = `no.name@${DOMAIN}`;
    const ownerId = randomUUID();
    await created('contacts', tokens.admin, { lastName: 'Nameless', emails: [{ address }], ownerId });
    const card = (await context(tokens.rep1, [{ email: address, role: 'from' }])).body.contacts[0];
    expect(card?.ownerId).toBe(ownerId);
    expect(card).not.toHaveProperty('ownerName');
  });
});

describe('tracking an e-mail', () => {
  it('writes one history entry, on the contact, account and deal timelines, and answers a second tracking with the first', async () => {
    const first = await call<Tracked>('POST', 'emails/track', { token: tokens.rep1, body: trackBody({ internetMessageId: '<first@orbital.example>' }) });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ internetMessageId: '<first@orbital.example>', alreadyTracked: false });
    const again = await call<Tracked>('POST', 'emails/track', { token: tokens.rep2, body: trackBody({ internetMessageId: 'first@orbital.example' }, { opportunityId: undefined }) });
    expect([again.status, again.body.id, again.body.alreadyTracked]).toEqual([200, first.body.id, true]);
    expect((await contactTimeline('email')).filter((entry) => entry.source?.id === first.body.id)).toEqual([
      expect.objectContaining({ id: first.body.historyEntryId, title: 'Renewal terms', summary: 'Hello Priya, please find our terms.' }),
    ]);
    for (const path of [`accounts/${account.id}`, `opportunities/${deals.later?.id}`]) {
      const items = (await call<{ items: Entry[] }>('GET', `${path}/history`, { token: tokens.rep1 })).body.items;
      expect(items.filter((entry) => entry.source?.id === first.body.id)).toHaveLength(1);
    }
    const shown = await context(tokens.rep1, [{ email: OLIVIA, role: 'from' }], { kind: 'message', internetMessageId: 'first@orbital.example' });
    expect(shown.body.tracked).toMatchObject({ id: first.body.id, alreadyTracked: true });
    expect((await call<Tracked>('GET', `emails/tracked?messageId=${encodeURIComponent('<first@orbital.example>')}`, { token: tokens.readonly })).body.id).toBe(first.body.id);
  });

  it('tracks a message clicked several times at once exactly once', async () => {
    const body = trackBody({ internetMessageId: '<double-click@orbital.example>' });
    const answers = await Promise.all(Array.from({ length: 6 }, () => call<Tracked>('POST', 'emails/track', { token: tokens.rep1, body })));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(1);
    expect((await contactTimeline('email')).filter((entry) => entry.source?.id === answers[0]?.body.id)).toHaveLength(1);
  });

  it('finds a message tracked when sent by its trackingId, and by its internetMessageId once a client sent both', async () => {
    const trackingId = randomUUID();
    const sent = await call<Tracked>('POST', 'emails/track', { token: tokens.rep1, body: trackBody({ trackingId }) });
    expect(sent.status).toBe(201);
    expect((await context(tokens.rep1, [{ email: OLIVIA, role: 'to' }], { kind: 'message', trackingId })).body.tracked?.id).toBe(sent.body.id);
    const byMessageId = `emails/tracked?messageId=${encodeURIComponent('<sent@orbital.example>')}`;
    expect((await call('GET', byMessageId, { token: tokens.rep1 })).status).toBe(404);
    const opened = await call<Tracked>('POST', 'emails/track', { token: tokens.rep1, body: trackBody({ trackingId: trackingId.toUpperCase(), internetMessageId: '<sent@orbital.example>' }) });
    expect([opened.status, opened.body.id, opened.body.internetMessageId]).toEqual([200, sent.body.id, '<sent@orbital.example>']);
    expect((await call<Tracked>('GET', byMessageId, { token: tokens.rep1 })).body).toMatchObject({ id: sent.body.id, trackingId });
    const later = await call<Tracked>('POST', 'emails/track', { token: tokens.manager, body: trackBody({ internetMessageId: 'sent@orbital.example' }) });
    expect([later.status, later.body.id]).toEqual([200, sent.body.id]);
    expect((await contactTimeline('email')).filter((entry) => entry.source?.id === sent.body.id)).toHaveLength(1);
  });

  it("refuses links to records the caller cannot see, naming each field, and writes nothing", async () => {
    const body = trackBody({ internetMessageId: '<refused@orbital.example>' }, { contactIds: [randomUUID()], opportunityId: deals.rival?.id });
    const refused = await call<Problem>('POST', 'emails/track', { token: tokens.rep1, body });
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.map((issue) => issue.field)).toEqual(['contactIds.0', 'opportunityId']);
    expect((await call('GET', 'emails/tracked?messageId=refused@orbital.example', { token: tokens.rep1 })).status).toBe(404);
  });

  it('lets a read-only user see trackings but not track', async () => {
    const refused = await call('POST', 'emails/track', { token: tokens.readonly, body: trackBody({ internetMessageId: '<readonly@orbital.example>' }) });
    expect(refused.status).toBe(403);
    expect((await call('GET', 'emails/tracked?messageId=readonly@orbital.example', { token: tokens.rep1 })).status).toBe(404);
  });
});

describe('linking a meeting', () => {
  const key = `040000008200E00074C5B7101A82E008-${randomUUID()}`;
  const linkBody = (start: string, end: string) => ({
    key, subject: 'Orbital pilot review', start, end, timeZone: 'Europe/Paris', location: 'Teams', contactIds: [olivia.id], accountId: account.id, opportunityId: deals.sooner?.id,
  });

  it('creates one meeting activity per appointment, answers the same link unchanged, and follows a move', async () => {
    const [start, end] = [inDays(7), inDays(7.04)];
    const first = await call<Meeting>('POST', 'outlook/meetings', { token: tokens.rep1, body: linkBody(start, end) });
    expect(first.status).toBe(201);
    expect(first.headers.get('etag')).toBe(first.body.etag);
    expect(first.body.regarding).toEqual(expect.arrayContaining([{ entity: 'contact', id: olivia.id }, { entity: 'account', id: account.id }, { entity: 'opportunity', id: deals.sooner?.id }]));
    const same = await call<Meeting>('POST', 'outlook/meetings', { token: tokens.rep1, body: linkBody(start, end) });
    expect([same.status, same.body.activityId, same.body.etag]).toEqual([200, first.body.activityId, first.body.etag]);
    const moved = await call<Meeting>('POST', 'outlook/meetings', { token: tokens.rep1, body: linkBody(inDays(8), inDays(8.04)) });
    expect([moved.status, moved.body.activityId]).toEqual([200, first.body.activityId]);
    expect(moved.body.etag).not.toBe(first.body.etag);
    const activity = await call<Rec & { type: string; ownerId: string }>('GET', `activities/${first.body.activityId}`, { token: tokens.rep1 });
    expect(activity.body).toMatchObject({ type: 'meeting', start: moved.body.start, location: 'Teams' });
    // Another team's rep meets the same appointment key: the link is not theirs to change (nor is the private deal theirs to name).
    expect((await call<Problem>('POST', 'outlook/meetings', { token: tokens.rep2, body: linkBody(start, end) })).body.errors?.[0]?.field).toBe('opportunityId');
    expect((await call('POST', 'outlook/meetings', { token: tokens.rep2, body: { ...linkBody(start, end), opportunityId: undefined } })).status).toBe(409);
  });

  it('records the outcome with the activity endpoint and shows it in the context of the appointment', async () => {
    const linked = (await call<Meeting>('POST', 'outlook/meetings', { token: tokens.rep1, body: linkBody(inDays(-1), inDays(-0.96)) })).body;
    const before = await context(tokens.rep1, [{ email: OLIVIA, role: 'attendee' }], { kind: 'appointment', key });
    expect(before.body.meeting).toMatchObject({ activityId: linked.activityId, status: 'open' });
    const done = await call<Rec>('POST', `activities/${linked.activityId}/complete`, { token: tokens.rep1, headers: { 'If-Match': linked.etag }, body: { result: 'Pilot approved.' } });
    expect(done.status).toBe(200);
    const after = await context(tokens.rep1, [{ email: OLIVIA, role: 'attendee' }], { kind: 'appointment', key });
    expect(after.body.meeting).toMatchObject({ activityId: linked.activityId, status: 'completed', completion: { result: 'Pilot approved.' }, etag: done.body.etag });
    expect((await contactTimeline('activity')).some((entry) => entry.source?.id === linked.activityId && entry.summary === 'Pilot approved.')).toBe(true);
    const relinked = await call<Meeting>('POST', 'outlook/meetings', { token: tokens.rep1, body: linkBody(inDays(2), inDays(2.04)) });
    expect([relinked.status, relinked.body.status]).toEqual([200, 'completed']);
    expect((await context(tokens.rep2, [{ email: OLIVIA, role: 'attendee' }], { kind: 'appointment', key })).body.meeting).toBeNull();
  });

  it('links an appointment again after its activity was deleted in the CRM, under the same id', async () => {
    const body = { ...linkBody(inDays(9), inDays(9.04)), key: `${key}-deleted` };
    const first = (await call<Meeting>('POST', 'outlook/meetings', { token: tokens.rep1, body })).body;
    expect((await call('DELETE', `activities/${first.activityId}`, { token: tokens.rep1, headers: { 'If-Match': first.etag } })).status).toBe(204);
    const again = await call<Meeting>('POST', 'outlook/meetings', { token: tokens.rep1, body });
    expect([again.status, again.body.activityId, again.body.status]).toEqual([201, first.activityId, 'open']);
    expect((await call('GET', `activities/${first.activityId}`, { token: tokens.rep1 })).status).toBe(200);
  });

  it('refuses a meeting that ends before it starts, naming the field', async () => {
    const response = await call<Problem>('POST', 'outlook/meetings', { token: tokens.rep1, body: { ...linkBody(inDays(5), inDays(4)), key: `${key}-backwards` } });
    expect([response.status, response.body.errors?.[0]?.field]).toEqual([400, 'end']);
  });
});
