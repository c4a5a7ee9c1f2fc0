/**
 * Merging duplicates over HTTP: the survivor keeps every address (the sender lookup finds it by
 * the duplicate's), activities, deals and timeline move over, the duplicate is gone; accounts
 * take their duplicate's contacts and deals. Safe to retry; only for those who may change both.
 */
import { useLocalStack } from '../support/use-local-stack';

type Rec = { id: string; etag: string };
type Contact = Rec & { emails: Array<{ address: string }>; phones: Array<{ number: string }>; jobTitle?: string; firstName?: string; accountId?: string; accountName?: string };
type Entry = { id: string; title: string };

const { stack, call, tokens } = useLocalStack({ users: ['rep1'] });
let rep: string;
let tenantId: string;

beforeAll(async () => {
  rep = tokens.rep1;
  tenantId = (await stack.services.authenticate(`Bearer ${rep}`)).tenantId;
});

async function create<T = Rec>(path: string, body: Record<string, unknown>, token = rep): Promise<T> {
  const response = await call<T>('POST', path, { token, body });
  expect(response.status).toBe(201);
  return response.body;
}

function merge(kind: 'contacts' | 'accounts', survivor: Rec, body: Record<string, unknown>, token = rep) {
  return call<Contact & { code: string; emailDomains: string[] }>('POST', `${kind}/${survivor.id}/merge`, { token, body, headers: { 'If-Match': survivor.etag } });
}

async function timelineTitles(path: string): Promise<string[]> {
  return (await call<{ items: Entry[] }>('GET', `${path}/history`, { token: rep })).body.items.map((entry) => entry.title);
}

describe('merging contacts', () => {
  let account: Rec;
  let survivor: Contact;
  let duplicate: Contact;
  let meeting: Rec;
  let deal: Rec;

  beforeAll(async () => {
    account = await create('accounts', { name: 'Merge Works', emailDomains: ['mergeworks.example'] });
    survivor = await create<Contact>('contacts', { firstName: 'Olivia', lastName: 'Merger', accountId: account.id, emails: [{ address: 'olivia@mergeworks.example' }], phones: [{ number: '+1 555 0101' }] });
    duplicate = await create<Contact>('contacts', {
      firstName: 'Liv', lastName: 'Merger', jobTitle: 'CFO', emails: [{ address: 'liv.merger@mail.example', label: 'personal' }, { address: 'Olivia@mergeworks.example' }], phones: [{ number: '+1 555 0199' }],
    });
    meeting = await create('activities', {
      type: 'meeting', subject: 'Budget talk', timeZone: 'Europe/London', start: '2026-09-01T09:00:00Z', end: '2026-09-01T10:00:00Z',
      regarding: [{ entity: 'contact', id: duplicate.id }], attendees: [{ contactId: duplicate.id }, { contactId: survivor.id }],
    });
    deal = await create('opportunities', { name: 'Merge Works deal', accountId: account.id, contactId: duplicate.id, expectedCloseDate: '2027-02-28' });
    expect((await call('POST', 'notes', { token: rep, body: { regarding: [{ entity: 'contact', id: duplicate.id }], text: 'Met Liv at the fair.' } })).status).toBe(201);
  });

  it('refuses without If-Match, into itself, and for someone who may not change both', async () => {
    expect((await call('POST', `contacts/${survivor.id}/merge`, { token: rep, body: { duplicateId: duplicate.id } })).status).toBe(428);
    expect((await merge('contacts', survivor, { duplicateId: survivor.id })).status).toBe(400);
    const rep2 = await stack.tokenFor('rep2');
    const theirs = await create<Contact>('contacts', { lastName: 'Merger', emails: [{ address: 'theirs@mergeworks.example' }] }, rep2);
    expect((await merge('contacts', survivor, { duplicateId: theirs.id })).status).toBe(403);
    expect((await merge('contacts', theirs, { duplicateId: survivor.id }, rep2)).status).toBe(403);
  });

  it('keeps every address and phone on the survivor, fills its gaps, and deletes the duplicate', async () => {
    const merged = await merge('contacts', survivor, { duplicateId: duplicate.id, fields: { firstName: 'survivor' } });
    expect(merged.status).toBe(200);
    expect(merged.headers.get('etag')).toBe(merged.body.etag);
    expect(merged.body.emails.map((email) => email.address)).toEqual(['olivia@mergeworks.example', 'liv.merger@mail.example']);
    expect(merged.body.phones.map((phone) => phone.number)).toEqual(['+1 555 0101', '+1 555 0199']);
    expect(merged.body).toMatchObject({ firstName: 'Olivia', jobTitle: 'CFO', accountId: account.id, accountName: 'Merge Works' });
    expect((await call('GET', `contacts/${duplicate.id}`, { token: rep })).status).toBe(404);
    const tombstone = await stack.services.deps.stores.contacts.get(tenantId, duplicate.id);
    expect(tombstone).toMatchObject({ mergedInto: survivor.id });
    expect(tombstone?.deletedAt).not.toBeNull();
    survivor = merged.body;
  });

  it('lets the sender lookup find the survivor by the duplicate’s address', async () => {
    const lookup = await call<{ matches: Array<{ contact: Rec }> }>('GET', 'contacts/lookup?email=liv.merger@mail.example', { token: rep });
    expect(lookup.body.matches.map((match) => match.contact.id)).toEqual([survivor.id]);
    const shared = await call<{ matches: Array<{ contact: Rec }> }>('GET', 'contacts/lookup?email=olivia@mergeworks.example', { token: rep });
    expect(shared.body.matches.map((match) => match.contact.id)).toEqual([survivor.id]);
  });

  it('moves the activities, deals and timeline of the duplicate to the survivor', async () => {
    const activity = await call<{ regarding: Array<{ id: string }>; attendees: Array<{ contactId?: string }> }>('GET', `activities/${meeting.id}`, { token: rep });
    expect(activity.body.regarding).toEqual([{ entity: 'contact', id: survivor.id }]);
    expect(activity.body.attendees).toEqual([{ contactId: survivor.id }]);
    const concerning = await call<{ items: Rec[] }>('GET', `activities?regardingType=contact&regardingId=${survivor.id}`, { token: rep });
    expect(concerning.body.items.map((item) => item.id)).toContain(meeting.id);
    const moved = await call<{ contactId: string }>('GET', `opportunities/${deal.id}`, { token: rep });
    expect(moved.body.contactId).toBe(survivor.id);
    const titles = await timelineTitles(`contacts/${survivor.id}`);
    expect(titles).toEqual(expect.arrayContaining(['Met Liv at the fair.', 'Merged with duplicate Liv Merger']));
  });

  it('answers a retry of the same merge with the survivor, changing nothing', async () => {
    const retried = await call<Contact>('POST', `contacts/${survivor.id}/merge`, { token: rep, body: { duplicateId: duplicate.id }, headers: { 'If-Match': '"stale"' } });
    expect(retried.status).toBe(200);
    expect(retried.body.etag).toBe(survivor.etag);
    expect((await timelineTitles(`contacts/${survivor.id}`)).filter((title) => title.startsWith('Merged with'))).toHaveLength(1);
  });
});

it('finishes a merge that failed half-way when the same request is sent again', async () => {
  const survivor = await create<Contact>('contacts', { lastName: 'Resumer', emails: [{ address: 'resumer@resume.example' }] });
  const duplicate = await create<Contact>('contacts', { lastName: 'Resumer', emails: [{ address: 'r.esumer@resume.example' }] });
  const spy = jest.spyOn(stack.services.deps.stores.history, 'copyTimeline').mockRejectedValueOnce(new Error('process died'));
  expect((await merge('contacts', survivor, { duplicateId: duplicate.id })).status).toBe(500);
  spy.mockRestore();
  expect((await call('GET', `contacts/${duplicate.id}`, { token: rep })).status).toBe(200);
  const retried = await merge('contacts', survivor, { duplicateId: duplicate.id });
  expect(retried.status).toBe(200);
  expect(retried.body.emails.map((email) => email.address)).toEqual(['resumer@resume.example', 'r.esumer@resume.example']);
  expect((await call('GET', `contacts/${duplicate.id}`, { token: rep })).status).toBe(404);
  const lookup = await call<{ matches: Array<{ contact: Rec }> }>('GET', 'contacts/lookup?email=r.esumer@resume.example', { token: rep });
  expect(lookup.body.matches.map((match) => match.contact.id)).toEqual([survivor.id]);
});

describe('merging accounts', () => {
  it('moves contacts and deals (with the account name) and the timeline to the survivor, uniting domains', async () => {
    const kept = await create('accounts', { name: 'Fabrikam Holdings', emailDomains: ['fabrikam-h.example'] });
    const gone = await create('accounts', { name: 'Fabrikam Hold.', emailDomains: ['fabrikamholdings.example'], industry: 'Energy' });
    const person = await create<Contact>('contacts', { lastName: 'Employee', accountId: gone.id });
    const deal = await create('opportunities', { name: 'Fabrikam expansion', accountId: gone.id, expectedCloseDate: '2027-05-31' });
    expect((await call('POST', 'notes', { token: rep, body: { regarding: [{ entity: 'account', id: gone.id }], text: 'Signed the NDA.' } })).status).toBe(201);

    const merged = await merge('accounts', kept, { duplicateId: gone.id });
    expect(merged.status).toBe(200);
    expect(merged.body.emailDomains).toEqual(['fabrikam-h.example', 'fabrikamholdings.example']);
    const movedPerson = await call<Contact>('GET', `contacts/${person.id}`, { token: rep });
    expect(movedPerson.body).toMatchObject({ accountId: kept.id, accountName: 'Fabrikam Holdings' });
    const movedDeal = await call<{ accountId: string; accountName: string }>('GET', `opportunities/${deal.id}`, { token: rep });
    expect(movedDeal.body).toMatchObject({ accountId: kept.id, accountName: 'Fabrikam Holdings' });
    expect(await timelineTitles(`accounts/${kept.id}`)).toContain('Signed the NDA.');
    expect((await call('GET', `accounts/${gone.id}`, { token: rep })).status).toBe(404);
    const check = await call<{ accounts: Array<{ account: Rec }> }>('POST', 'duplicates/check', { token: rep, body: { lastName: 'X', emails: [{ address: 'x@fabrikamholdings.example' }] } });
    expect(check.body.accounts.map((match) => match.account.id)).toEqual([kept.id]);
  });

  it('keeps another tenant out', async () => {
    const kept = await create('accounts', { name: 'Tenant A Kept' });
    const gone = await create('accounts', { name: 'Tenant A Gone' });
    const other = await stack.tokenFor('other-admin');
    expect((await merge('accounts', kept, { duplicateId: gone.id }, other)).status).toBe(404);
    const theirs = (await call<Rec>('POST', 'accounts', { token: other, body: { name: 'Tenant B' } })).body;
    expect((await merge('accounts', theirs, { duplicateId: gone.id }, other)).status).toBe(400);
    expect((await call('GET', `accounts/${gone.id}`, { token: rep })).status).toBe(200);
  });
});
