/**
 * The second tenant never sees the first tenant's records — not by id, not in lists, search or
 * the sender lookup — even for an address both tenants know. Roles decide the operations.
 */
import { sampleSenderAddress } from '../../local/seed/seed-demo';
import { useLocalStack } from '../support/use-local-stack';

type Rec = { id: string; etag: string; name?: string };
type PageBody = { items: Rec[]; continuation: string | null };
type Lookup = { matches: Array<{ contact: { id: string; lastName: string }; account: { name: string } | null }> };

const { stack, call, tokens } = useLocalStack({ seed: true, users: ['rep1', 'admin', 'marketing', 'readonly', 'other-rep', 'other-admin'] });

async function demoAccount(): Promise<Rec> {
  const page = await call<PageBody>('GET', 'accounts?limit=1', { token: tokens.rep1 });
  const first = page.body.items[0];
  if (!first) throw new Error('the demo seed has no account');
  return first;
}

describe('tenant isolation', () => {
  it('answers 404 to another tenant reading, updating or deleting a record by id', async () => {
    const account = await demoAccount();
    const other = tokens['other-admin'];
    expect((await call('GET', `accounts/${account.id}`, { token: other })).status).toBe(404);
    expect((await call('PATCH', `accounts/${account.id}`, { token: other, body: { name: 'Hijacked' }, headers: { 'If-Match': account.etag } })).status).toBe(404);
    expect((await call('DELETE', `accounts/${account.id}`, { token: other, headers: { 'If-Match': account.etag } })).status).toBe(404);
    expect((await call<Rec>('GET', `accounts/${account.id}`, { token: tokens.rep1 })).body.name).toBe(account.name);
  });

  it('keeps lists and search to the caller’s tenant', async () => {
    const demo = await call<PageBody>('GET', 'accounts?limit=200', { token: tokens.rep1 });
    const other = await call<PageBody>('GET', 'accounts?limit=200', { token: tokens['other-rep'] });
    expect(demo.body.items.length).toBeGreaterThanOrEqual(50);
    expect(other.body.items.map((item) => item.name)).toEqual(['Northwind Traders (Fabrikam view)']);
    const search = await call<PageBody>('GET', 'contacts?q=northwind', { token: tokens['other-rep'] });
    expect(search.body.items.map((item) => item.id)).toHaveLength(1);
  });

  it('answers the same address differently per tenant in the sender lookup', async () => {
    const address = sampleSenderAddress();
    const demo = await call<Lookup>('GET', `contacts/lookup?email=${address}`, { token: tokens.rep1 });
    const other = await call<Lookup>('GET', `contacts/lookup?email=${address}`, { token: tokens['other-rep'] });
    expect(demo.body.matches).toHaveLength(1);
    expect(other.body.matches).toHaveLength(1);
    expect(demo.body.matches[0]?.contact.id).not.toBe(other.body.matches[0]?.contact.id);
    expect(other.body.matches[0]?.account?.name).toBe('Northwind Traders (Fabrikam view)');
    const onlyOther = await call<Lookup>('GET', 'contacts/lookup?email=only.fabrikam@fabrikam-customer.example', { token: tokens.rep1 });
    expect(onlyOther.body.matches).toEqual([]);
  });

  it('refuses to link a contact to another tenant’s account', async () => {
    const account = await demoAccount();
    const response = await call<{ errors: Array<{ field: string }> }>('POST', 'contacts', { token: tokens['other-rep'], body: { lastName: 'Spy', accountId: account.id } });
    expect(response.status).toBe(400);
    expect(response.body.errors[0]?.field).toBe('accountId');
  });
});

describe('roles decide the operations', () => {
  it.each([
    ['readonly', 'POST', 'accounts', 403],
    ['readonly', 'POST', 'contacts', 403],
    ['marketing', 'POST', 'accounts', 403],
    ['marketing', 'POST', 'contacts', 201],
    ['rep1', 'POST', 'accounts', 201],
    ['admin', 'POST', 'accounts', 201],
  ])('%s %s /%s → %i', async (user, method, path, status) => {
    const body = path === 'accounts' ? { name: `Made by ${user}` } : { lastName: `Made by ${user}` };
    const response = await call(method, path, { token: tokens[user], body });
    expect(response.status).toBe(status);
  });

  it('lets everyone with a role read', async () => {
    for (const user of ['readonly', 'marketing']) {
      expect((await call('GET', 'accounts', { token: tokens[user] })).status).toBe(200);
    }
  });

  it('lets a rep own what they create but not hand it to someone else', async () => {
    const own = await call<{ ownerId: string }>('POST', 'accounts', { token: tokens.rep1, body: { name: 'Mine' } });
    const principal = await stack.services.authenticate(`Bearer ${tokens.rep1}`);
    expect(own.body.ownerId).toBe(principal.userId);
    const given = await call('POST', 'accounts', { token: tokens.rep1, body: { name: 'Theirs', ownerId: 'someone-else' } });
    expect(given.status).toBe(403);
  });

  it('seeds idempotently: a second seed run creates nothing', async () => {
    const { seedDemoData } = await import('../../local/seed/seed-demo');
    const again = await seedDemoData(stack.services.deps);
    expect(again.created).toBe(0);
    expect(again.existing).toBeGreaterThanOrEqual(250);
  });
});
