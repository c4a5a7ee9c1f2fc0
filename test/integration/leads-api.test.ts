/**
 * Leads over HTTP as the add-ins use them: CRUD with ETags, lists by status, owner, source and
 * keywords, access like contacts, match suggestions, the duplicate check, the seeded demo leads,
 * and another tenant that sees none of it.
 */
import { useLocalStack } from '../support/use-local-stack';

type Lead = { id: string; etag: string; lastName: string; fullName: string; status: string; ownerId: string; disqualifiedReason?: string };
type Page = { items: Lead[]; continuation: string | null };
type Reason = { code: string; value: string };
type Matches = { contacts: Array<{ contact: { id: string }; score: number; reasons: Reason[] }>; accounts: Array<{ account: { id: string; name: string }; score: number; reasons: Reason[] }> };
type Problem = { code: string; errors?: Array<{ field: string }> };

const { stack, call, tokens } = useLocalStack({ seed: true, users: ['rep1', 'rep2', 'manager', 'marketing', 'readonly', 'other-rep'] });

async function createLead(body: Record<string, unknown>, user = 'rep1'): Promise<Lead> {
  const response = await call<Lead>('POST', 'leads', { token: tokens[user], body });
  expect(response.status).toBe(201);
  return response.body;
}

describe('lead lifecycle', () => {
  it('creates with 201, ETag and Location, owned by the caller, status new', async () => {
    const created = await call<Lead>('POST', 'leads', {
      token: tokens.rep1,
      body: { firstName: 'Ada', lastName: 'Quill', company: 'Quill Works', emails: [{ address: 'Ada@QuillWorks.example' }], source: 'web', estimatedAmount: 12000, currency: 'eur' },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/api/leads/${created.body.id}`);
    expect(created.headers.get('etag')).toBe(created.body.etag);
    const rep1 = (await stack.services.authenticate(`Bearer ${tokens.rep1}`)).userId;
    expect(created.body).toMatchObject({ fullName: 'Ada Quill', status: 'new', ownerId: rep1, currency: 'EUR', emails: [{ address: 'ada@quillworks.example', label: 'work' }] });
    expect(created.body).not.toHaveProperty('tenantId');
  });

  it('updates with If-Match (428 without, 412 when stale), needs a reason to disqualify and drops it when taken back up', async () => {
    const lead = await createLead({ lastName: 'Versioned', company: 'Etag Ltd' });
    expect((await call('PATCH', `leads/${lead.id}`, { token: tokens.rep1, body: { status: 'working' } })).status).toBe(428);
    const working = await call<Lead>('PATCH', `leads/${lead.id}`, { token: tokens.rep1, body: { status: 'working' }, headers: { 'If-Match': lead.etag } });
    expect(working.status).toBe(200);
    expect((await call('PATCH', `leads/${lead.id}`, { token: tokens.rep1, body: { status: 'new' }, headers: { 'If-Match': lead.etag } })).status).toBe(412);
    const noReason = await call<Problem>('PATCH', `leads/${lead.id}`, { token: tokens.rep1, body: { status: 'disqualified' }, headers: { 'If-Match': working.body.etag } });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors?.map((error) => error.field)).toEqual(['disqualifiedReason']);
    const out = await call<Lead>('PATCH', `leads/${lead.id}`, { token: tokens.rep1, body: { status: 'disqualified', disqualifiedReason: 'No budget' }, headers: { 'If-Match': working.body.etag } });
    expect(out.body).toMatchObject({ status: 'disqualified', disqualifiedReason: 'No budget' });
    const back = await call<Lead>('PATCH', `leads/${lead.id}`, { token: tokens.rep1, body: { status: 'working' }, headers: { 'If-Match': out.body.etag } });
    expect(back.body.status).toBe('working');
    expect(back.body).not.toHaveProperty('disqualifiedReason');
  });

  it('refuses to set converted by hand, and unknown fields', async () => {
    const refused = await call<Problem>('POST', 'leads', { token: tokens.rep1, body: { lastName: 'Sneaky', status: 'converted', favourite: true } });
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.map((error) => error.field).sort()).toEqual(['favourite', 'status']);
  });

  it('soft-deletes: gone from reads and lists, kept as a tombstone', async () => {
    const lead = await createLead({ lastName: 'Vanishing', company: 'Tombstone Inc' });
    expect((await call('DELETE', `leads/${lead.id}`, { token: tokens.rep1, headers: { 'If-Match': lead.etag } })).status).toBe(204);
    expect((await call('GET', `leads/${lead.id}`, { token: tokens.rep1 })).status).toBe(404);
    expect((await call<Page>('GET', 'leads?q=vanishing', { token: tokens.rep1 })).body.items).toEqual([]);
    const tenantId = (await stack.services.authenticate(`Bearer ${tokens.rep1}`)).tenantId;
    expect((await stack.services.deps.stores.leads.leads.get(tenantId, lead.id))?.deletedAt).not.toBeNull();
  });
});

describe('lead lists', () => {
  it('filters by status, owner, source and keywords, newest first, page by page', async () => {
    const made: Lead[] = [];
    for (const n of [1, 2, 3, 4, 5]) made.push(await createLead({ lastName: `Filterling${n}`, company: 'Sieve Systems', source: n % 2 ? 'referral' : 'partner' }, n === 5 ? 'rep2' : 'rep1'));
    const ids: string[] = [];
    let continuation: string | null = null;
    do {
      const path: string = `leads?q=sieve&limit=2${continuation ? `&continuation=${encodeURIComponent(continuation)}` : ''}`;
      const page: { body: Page } = await call<Page>('GET', path, { token: tokens.manager });
      ids.push(...page.body.items.map((lead) => lead.id));
      continuation = page.body.continuation;
    } while (continuation);
    expect(ids).toEqual(made.map((lead) => lead.id).reverse());
    const referrals = await call<Page>('GET', 'leads?q=sieve&source=referral', { token: tokens.manager });
    expect(referrals.body.items.map((lead) => lead.lastName).sort()).toEqual(['Filterling1', 'Filterling3', 'Filterling5']);
    // rep1 (East) does not see the West lead among the referrals.
    const repReferrals = await call<Page>('GET', 'leads?q=sieve&source=referral', { token: tokens.rep1 });
    expect(repReferrals.body.items.map((lead) => lead.lastName).sort()).toEqual(['Filterling1', 'Filterling3']);
    const rep2 = (await stack.services.authenticate(`Bearer ${tokens.rep2}`)).userId;
    const owned = await call<Page>('GET', `leads?q=sieve&ownerId=${rep2}&status=new`, { token: tokens.manager });
    expect(owned.body.items.map((lead) => lead.lastName)).toEqual(['Filterling5']);
  });
});

describe('access to leads (private to the owner’s team)', () => {
  it('hides a lead from other teams, lets its team’s manager work it and marketing maintain it', async () => {
    const lead = await createLead({ lastName: 'Guarded', company: 'Fortress Ltd' }, 'rep2');
    expect((await call('GET', `leads/${lead.id}`, { token: tokens.rep1 })).status).toBe(404);
    const refused = await call<Problem>('PATCH', `leads/${lead.id}`, { token: tokens.rep1, body: { status: 'working' }, headers: { 'If-Match': lead.etag } });
    expect(refused.status).toBe(404);
    expect((await call('DELETE', `leads/${lead.id}`, { token: tokens.rep1, headers: { 'If-Match': lead.etag } })).status).toBe(404);
    expect((await call('GET', `leads/${lead.id}`, { token: tokens.readonly })).status).toBe(200);
    const cleaned = await call<Lead>('PATCH', `leads/${lead.id}`, { token: tokens.marketing, body: { jobTitle: 'CTO' }, headers: { 'If-Match': lead.etag } });
    expect(cleaned.status).toBe(200);
    expect((await call('PATCH', `leads/${lead.id}`, { token: tokens.manager, body: { status: 'working' }, headers: { 'If-Match': cleaned.body.etag } })).status).toBe(200);
  });

  it('lets read-only users read but not record leads; a rep cannot hand a lead to someone else', async () => {
    expect((await call('GET', 'leads', { token: tokens.readonly })).status).toBe(200);
    expect((await call('POST', 'leads', { token: tokens.readonly, body: { lastName: 'Nope' } })).status).toBe(403);
    const rep2 = (await stack.services.authenticate(`Bearer ${tokens.rep2}`)).userId;
    expect((await call('POST', 'leads', { token: tokens.rep1, body: { lastName: 'Handed', ownerId: rep2 } })).status).toBe(403);
    expect((await call('POST', 'leads', { token: tokens.manager, body: { lastName: 'Routed', ownerId: rep2 } })).status).toBe(201);
  });
});

describe('match suggestions', () => {
  it('suggests the contact with the same e-mail first, and the account owning the domain', async () => {
    const known = await call<{ matches: Array<{ contact: { id: string; emails: Array<{ address: string }>; accountId: string } }> }>(
      'GET', 'contacts/lookup?email=olivia.andersen@northwind.example', { token: tokens.rep1 },
    );
    const contact = known.body.matches[0]?.contact;
    expect(contact).toBeDefined();
    const lead = await createLead({ firstName: 'Olivia', lastName: 'Andersen', company: 'Northwind', emails: [{ address: 'olivia.andersen@northwind.example' }] });
    const matches = await call<Matches>('GET', `leads/${lead.id}/matches`, { token: tokens.rep1 });
    expect(matches.status).toBe(200);
    expect(matches.body.contacts[0]).toMatchObject({ contact: { id: contact?.id }, score: 100 });
    expect(matches.body.contacts[0]?.reasons.map((reason) => reason.code)).toContain('same-email');
    expect(matches.body.accounts[0]).toMatchObject({ account: { id: contact?.accountId } });
    expect(matches.body.accounts[0]?.reasons.map((reason) => reason.code)).toEqual(expect.arrayContaining(['same-domain', 'similar-company']));
  });

  it('checks a would-be contact before it is created: a new person at a known domain matches the account only', async () => {
    const check = await call<Matches>('POST', 'duplicates/check', { token: tokens.rep1, body: { firstName: 'Brand', lastName: 'Newperson', emails: [{ address: 'brand.newperson@northwind.example' }] } });
    expect(check.status).toBe(200);
    expect(check.body.contacts).toEqual([]);
    expect(check.body.accounts[0]?.reasons).toEqual([{ code: 'same-domain', label: 'same e-mail domain', value: 'northwind.example' }]);
    expect((await call<Problem>('POST', 'duplicates/check', { token: tokens.rep1, body: { jobTitle: 'CEO' } })).status).toBe(400);
  });

  it('shows the seeded demo leads with something to suggest', async () => {
    const all = await call<Page>('GET', 'leads?limit=200', { token: tokens.manager });
    const seeded = all.body.items.filter((lead) => !/Quill|Versioned|Filterling|Guarded|Routed|Andersen/.test(lead.lastName));
    expect(seeded.length).toBeGreaterThanOrEqual(25);
    expect(new Set(seeded.map((lead) => lead.status))).toEqual(new Set(['new', 'working', 'qualified', 'disqualified', 'converted']));
    const suggested = await Promise.all(seeded.slice(-10).map((lead) => call<Matches>('GET', `leads/${lead.id}/matches`, { token: tokens.manager })));
    const reasons = suggested.flatMap((response) => [...response.body.contacts, ...response.body.accounts]).flatMap((match) => match.reasons.map((reason) => reason.code));
    expect(reasons).toEqual(expect.arrayContaining(['same-email', 'same-domain']));
  });
});

describe('another tenant', () => {
  it('sees none of these leads: not by id, not in lists, not in matches', async () => {
    const lead = await createLead({ lastName: 'Private', company: 'Contoso Only', emails: [{ address: 'private@northwind.example' }] });
    expect((await call('GET', `leads/${lead.id}`, { token: tokens['other-rep'] })).status).toBe(404);
    expect((await call('GET', `leads/${lead.id}/matches`, { token: tokens['other-rep'] })).status).toBe(404);
    expect((await call('PATCH', `leads/${lead.id}`, { token: tokens['other-rep'], body: { status: 'working' }, headers: { 'If-Match': lead.etag } })).status).toBe(404);
    expect((await call<Page>('GET', 'leads?limit=200', { token: tokens['other-rep'] })).body.items).toEqual([]);
    const check = await call<Matches>('POST', 'duplicates/check', { token: tokens['other-rep'], body: { lastName: 'Andersen', emails: [{ address: 'olivia.andersen@northwind.example' }] } });
    const theirs = check.body.contacts.map((match) => match.contact.id);
    const ours = (await call<Matches>('POST', 'duplicates/check', { token: tokens.rep1, body: { lastName: 'Andersen', emails: [{ address: 'olivia.andersen@northwind.example' }] } })).body.contacts.map((match) => match.contact.id);
    expect(theirs.filter((id) => ours.includes(id))).toEqual([]);
  });
});
