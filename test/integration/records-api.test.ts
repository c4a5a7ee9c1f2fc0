/** Accounts and contacts over HTTP as a client sees them: ETags, conflicts, tombstones, paging, search. */
import { useLocalStack } from '../support/use-local-stack';

type Rec = { id: string; etag: string; name?: string; lastName?: string; accountName?: string; emails?: Array<{ address: string }> };
type PageBody = { items: Rec[]; continuation: string | null };

const { stack, call, tokens } = useLocalStack({ changeFeedPollMs: 100, queuePollMs: 100, users: ['rep1'] });
let rep: string;

beforeAll(() => {
  rep = tokens.rep1;
});

async function createAccount(name: string, extra: Record<string, unknown> = {}): Promise<Rec> {
  const response = await call<Rec>('POST', 'accounts', { token: rep, body: { name, ...extra } });
  expect(response.status).toBe(201);
  return response.body;
}

describe('account lifecycle', () => {
  it('creates with 201, ETag and Location, then reads the same version', async () => {
    const created = await call<Rec>('POST', 'accounts', { token: rep, body: { name: 'Lifecycle Ltd', type: 'customer', emailDomains: ['Lifecycle.example'] } });
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe(created.body.etag);
    expect(created.headers.get('location')).toBe(`/api/accounts/${created.body.id}`);
    expect(created.body).toMatchObject({ name: 'Lifecycle Ltd', type: 'customer', emailDomains: ['lifecycle.example'] });
    expect(created.body).not.toHaveProperty('tenantId');
    const read = await call<Rec>('GET', `accounts/${created.body.id}`, { token: rep });
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe(created.body.etag);
  });

  it('updates with If-Match, refuses a stale ETag with 412 and a missing one with 428', async () => {
    const account = await createAccount('Versioned Inc');
    const missing = await call('PATCH', `accounts/${account.id}`, { token: rep, body: { industry: 'Retail' } });
    expect(missing.status).toBe(428);
    const updated = await call<Rec>('PATCH', `accounts/${account.id}`, { token: rep, body: { industry: 'Retail' }, headers: { 'If-Match': account.etag } });
    expect(updated.status).toBe(200);
    expect(updated.body.etag).not.toBe(account.etag);
    const stale = await call<{ code: string }>('PATCH', `accounts/${account.id}`, { token: rep, body: { industry: 'Energy' }, headers: { 'If-Match': account.etag } });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('PRECONDITION_FAILED');
    const read = await call<Rec & { industry: string }>('GET', `accounts/${account.id}`, { token: rep });
    expect(read.body.industry).toBe('Retail');
  });

  it('lets exactly one of 50 concurrent updates with the same ETag win; the others get 412', async () => {
    const account = await createAccount('Contended Account');
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, n) =>
        call<Rec & { industry?: string }>('PATCH', `accounts/${account.id}`, { token: rep, body: { industry: `Industry ${n}` }, headers: { 'If-Match': account.etag } }),
      ),
    );
    const winners = responses.filter((response) => response.status === 200);
    expect(winners).toHaveLength(1);
    expect(responses.filter((response) => response.status === 412)).toHaveLength(49);
    const final = await call<Rec & { industry?: string }>('GET', `accounts/${account.id}`, { token: rep });
    expect(final.body.industry).toBe(winners[0]?.body.industry);
    expect(final.body.etag).toBe(winners[0]?.body.etag);
  });

  it('clears a field with null (merge-patch)', async () => {
    const account = await createAccount('Clearable', { industry: 'Energy' });
    const updated = await call<Record<string, unknown>>('PATCH', `accounts/${account.id}`, { token: rep, body: { industry: null }, headers: { 'If-Match': account.etag } });
    expect(updated.body).not.toHaveProperty('industry');
  });

  it('soft-deletes: gone from reads and lists, kept as a tombstone', async () => {
    const account = await createAccount('Doomed Corp');
    const deleted = await call('DELETE', `accounts/${account.id}`, { token: rep, headers: { 'If-Match': account.etag } });
    expect(deleted.status).toBe(204);
    expect((await call('GET', `accounts/${account.id}`, { token: rep })).status).toBe(404);
    const list = await call<PageBody>('GET', 'accounts?q=doomed', { token: rep });
    expect(list.body.items).toEqual([]);
    const tombstone = await stack.services.deps.stores.accounts.get((await stack.services.authenticate(`Bearer ${rep}`)).tenantId, account.id);
    expect(tombstone?.deletedAt).toEqual(expect.any(String));
  });

  it('refuses a parent account that would make a loop', async () => {
    const parent = await createAccount('Parent Group');
    const child = await createAccount('Child Branch', { parentAccountId: parent.id });
    const loop = await call<{ errors: Array<{ field: string }> }>('PATCH', `accounts/${parent.id}`, {
      token: rep, body: { parentAccountId: child.id }, headers: { 'If-Match': parent.etag },
    });
    expect(loop.status).toBe(400);
    expect(loop.body.errors[0]?.field).toBe('parentAccountId');
  });
});

describe('lists, paging and search', () => {
  beforeAll(async () => {
    for (let n = 0; n < 12; n += 1) await createAccount(`Paging ${String(n).padStart(2, '0')} Holdings`, { type: n % 2 ? 'partner' : 'prospect', phone: `+1 (555) 77${String(n).padStart(2, '0')}` });
  });

  it('pages through a filtered list with continuation tokens, sorted, without gaps or repeats', async () => {
    const seen: string[] = [];
    let continuation: string | null = null;
    do {
      const query: string = `accounts?q=paging&limit=5${continuation ? `&continuation=${encodeURIComponent(continuation)}` : ''}`;
      const page: { status: number; body: PageBody } = await call<PageBody>('GET', query, { token: rep });
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((item) => item.name ?? ''));
      continuation = page.body.continuation;
    } while (continuation);
    expect(seen).toEqual(Array.from({ length: 12 }, (_, n) => `Paging ${String(n).padStart(2, '0')} Holdings`));
  });

  it('filters by type', async () => {
    const partners = await call<{ items: Array<Rec & { type: string }> }>('GET', 'accounts?q=paging&type=partner', { token: rep });
    expect(partners.body.items).toHaveLength(6);
    expect(partners.body.items.every((item) => item.type === 'partner')).toBe(true);
  });

  it('refuses a continuation token reused with other filters', async () => {
    const first = await call<PageBody>('GET', 'accounts?q=paging&limit=5', { token: rep });
    const reused = await call<{ errors: Array<{ field: string }> }>('GET', `accounts?q=holdings&limit=5&continuation=${first.body.continuation}`, { token: rep });
    expect(reused.status).toBe(400);
    expect(reused.body.errors[0]?.field).toBe('continuation');
  });

  it('finds accounts by phone whatever the punctuation', async () => {
    const found = await call<PageBody>('GET', `accounts?q=${encodeURIComponent('555-7703')}`, { token: rep });
    expect(found.body.items.map((item) => item.name)).toEqual(['Paging 03 Holdings']);
  });
});

describe('contacts', () => {
  let account: Rec;
  let contact: Rec;

  beforeAll(async () => {
    account = await createAccount('Zoë Ångström Consulting', { emailDomains: ['angstrom.example'] });
    const created = await call<Rec>('POST', 'contacts', {
      token: rep,
      body: {
        firstName: 'Ada', lastName: 'Lovelace', jobTitle: 'Analyst', accountId: account.id,
        emails: [{ address: 'Ada.Lovelace@Angstrom.example' }, { address: 'ada@home.example', label: 'personal' }],
        phones: [{ number: '+44 20 7946 0018', label: 'mobile' }],
      },
    });
    expect(created.status).toBe(201);
    contact = created.body;
  });

  it('stores addresses normalised and carries the account name', async () => {
    expect(contact.emails?.map((email) => email.address)).toEqual(['ada.lovelace@angstrom.example', 'ada@home.example']);
    expect(contact.accountName).toBe('Zoë Ångström Consulting');
  });

  it('refuses an account id that does not exist, and the same address twice', async () => {
    const noAccount = await call<{ errors: Array<{ field: string }> }>('POST', 'contacts', { token: rep, body: { lastName: 'X', accountId: '00000000-0000-4000-8000-000000000000' } });
    expect(noAccount.status).toBe(400);
    expect(noAccount.body.errors[0]?.field).toBe('accountId');
    const twice = await call<{ errors: Array<{ field: string }> }>('POST', 'contacts', { token: rep, body: { lastName: 'X', emails: [{ address: 'a@b.example' }, { address: 'A@B.example' }] } });
    expect(twice.body.errors[0]?.field).toBe('emails.1.address');
  });

  it.each([
    ['a name', 'lovelace'],
    ['an e-mail', 'ada@home.example'],
    ['the company, without accents', 'angstrom consulting'],
    ['a phone written differently', '020-7946-0018'],
  ])('finds the contact by %s', async (_label, q) => {
    const found = await call<PageBody>('GET', `contacts?q=${encodeURIComponent(q)}`, { token: rep });
    expect(found.body.items.map((item) => item.id)).toContain(contact.id);
  });

  it('looks up a sender by any of their addresses, case-insensitively, with the account, in one request', async () => {
    for (const email of ['ADA.LOVELACE@angstrom.example', 'ada@home.example']) {
      const response = await call<{ matches: Array<{ contact: Rec; account: { id: string; name: string } | null }> }>(
        'GET', `contacts/lookup?email=${encodeURIComponent(email)}`, { token: rep });
      expect(response.status).toBe(200);
      expect(response.body.matches).toHaveLength(1);
      expect(response.body.matches[0]?.contact.id).toBe(contact.id);
      expect(response.body.matches[0]?.account).toMatchObject({ id: account.id, name: 'Zoë Ångström Consulting' });
    }
  });

  it('stops finding an address removed from the contact, and finds the new one', async () => {
    const current = await call<Rec>('GET', `contacts/${contact.id}`, { token: rep });
    const updated = await call<Rec>('PATCH', `contacts/${contact.id}`, {
      token: rep, body: { emails: [{ address: 'ada.lovelace@angstrom.example' }, { address: 'countess@new.example' }] }, headers: { 'If-Match': current.body.etag },
    });
    expect(updated.status).toBe(200);
    const old = await call<{ matches: unknown[] }>('GET', 'contacts/lookup?email=ada@home.example', { token: rep });
    expect(old.body.matches).toEqual([]);
    const fresh = await call<{ matches: unknown[] }>('GET', 'contacts/lookup?email=countess@new.example', { token: rep });
    expect(fresh.body.matches).toHaveLength(1);
    contact = updated.body;
  });

  it('finds every contact sharing an address', async () => {
    const second = await call<Rec>('POST', 'contacts', { token: rep, body: { firstName: 'Byron', lastName: 'Assistant', emails: [{ address: 'countess@new.example' }] } });
    const response = await call<{ matches: Array<{ contact: Rec; account: unknown }> }>('GET', 'contacts/lookup?email=countess@new.example', { token: rep });
    expect(response.body.matches.map((match) => match.contact.id).sort()).toEqual([contact.id, second.body.id].sort());
    expect(response.body.matches.find((match) => match.contact.id === second.body.id)?.account).toBeNull();
  });

  it('keeps the copy of the account name in step when the account is renamed (change feed → queue)', async () => {
    const current = await call<Rec>('GET', `accounts/${account.id}`, { token: rep });
    const renamed = await call('PATCH', `accounts/${account.id}`, { token: rep, body: { name: 'Angstrom Analytics' }, headers: { 'If-Match': current.body.etag } });
    expect(renamed.status).toBe(200);
    const deadline = Date.now() + 20000;
    let accountName: string | undefined;
    while (Date.now() < deadline) {
      accountName = (await call<Rec>('GET', `contacts/${contact.id}`, { token: rep })).body.accountName;
      if (accountName === 'Angstrom Analytics') break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(accountName).toBe('Angstrom Analytics');
    const search = await call<PageBody>('GET', 'contacts?q=angstrom%20analytics', { token: rep });
    expect(search.body.items.map((item) => item.id)).toContain(contact.id);
  });

  it('drops a deleted contact from the lookup at once', async () => {
    const current = await call<Rec>('GET', `contacts/${contact.id}`, { token: rep });
    expect((await call('DELETE', `contacts/${contact.id}`, { token: rep, headers: { 'If-Match': current.body.etag } })).status).toBe(204);
    const lookup = await call<{ matches: Array<{ contact: Rec }> }>('GET', 'contacts/lookup?email=ada.lovelace@angstrom.example', { token: rep });
    expect(lookup.body.matches).toEqual([]);
  });
});
