/** The sync feed an offline client pulls: what changed or was deleted since its checkpoint, resumable, per tenant. */
import { SYNC_SETTLE_SECONDS } from '../../functions/usecases/sync/changes-since.usecase';
import { useLocalStack } from '../support/use-local-stack';

type Rec = { id: string; etag: string };
type Change = { entity: string; id: string; deleted: boolean; changedAt: string; record: (Record<string, unknown> & { id: string }) | null };
type Feed = { changes: Change[]; checkpoint: string; hasMore: boolean };

const { stack, call, tokens } = useLocalStack({ users: ['rep1'] });
let rep: string;

const settle = () => new Promise((resolve) => setTimeout(resolve, (SYNC_SETTLE_SECONDS + 0.2) * 1000));

async function drain(token: string, since?: string, limit = 200): Promise<{ changes: Change[]; checkpoint: string; pages: number }> {
  const changes: Change[] = [];
  let checkpoint = since;
  let pages = 0;
  for (;;) {
    const query = `sync/changes?limit=${limit}${checkpoint ? `&since=${checkpoint}` : ''}`;
    const response = await call<Feed>('GET', query, { token });
    expect(response.status).toBe(200);
    changes.push(...response.body.changes);
    checkpoint = response.body.checkpoint;
    pages += 1;
    if (!response.body.hasMore) return { changes, checkpoint, pages };
  }
}

beforeAll(() => {
  rep = tokens.rep1;
});

it('hands over everything, then only what changed, including deletions', async () => {
  const account = (await call<Rec>('POST', 'accounts', { token: rep, body: { name: 'Synced Ltd' } })).body;
  const contact = (await call<Rec>('POST', 'contacts', { token: rep, body: { lastName: 'Offline', accountId: account.id } })).body;
  await settle();
  const first = await drain(rep);
  expect(first.changes.map((change) => `${change.entity}:${change.id}`)).toEqual([`account:${account.id}`, `contact:${contact.id}`]);
  expect(first.changes[1]?.record).toMatchObject({ lastName: 'Offline', etag: contact.etag });
  expect(first.changes[1]?.record).not.toHaveProperty('tenantId');

  const renamed = await call<Rec>('PATCH', `contacts/${contact.id}`, { token: rep, body: { jobTitle: 'Buyer' }, headers: { 'If-Match': contact.etag } });
  await call('DELETE', `accounts/${account.id}`, { token: rep, headers: { 'If-Match': account.etag } });
  await settle();
  const second = await drain(rep, first.checkpoint);
  const byId = new Map(second.changes.map((change) => [change.id, change]));
  expect(byId.get(account.id)).toMatchObject({ entity: 'account', deleted: true, record: null });
  expect(byId.get(contact.id)).toMatchObject({ entity: 'contact', deleted: false, record: { jobTitle: 'Buyer', etag: renamed.body.etag } });

  const quiet = await drain(rep, second.checkpoint);
  expect(quiet.changes).toEqual([]);
});

it('pages with hasMore and never repeats or skips a change', async () => {
  const fresh = await drain(rep);
  for (let n = 0; n < 7; n += 1) await call('POST', 'contacts', { token: rep, body: { lastName: `Paged ${n}` } });
  await settle();
  const paged = await drain(rep, fresh.checkpoint, 3);
  expect(paged.pages).toBeGreaterThanOrEqual(3);
  const names = paged.changes.map((change) => change.record?.lastName);
  expect(names.sort()).toEqual(Array.from({ length: 7 }, (_, n) => `Paged ${n}`));
});

it('shows another tenant nothing of this one, and refuses a forged checkpoint', async () => {
  await settle();
  const other = await drain(await stack.tokenFor('other-rep'));
  expect(other.changes).toEqual([]);
  const forged = await call<{ errors: Array<{ field: string }> }>('GET', 'sync/changes?since=not-a-checkpoint', { token: rep });
  expect(forged.status).toBe(400);
  expect(forged.body.errors[0]?.field).toBe('since');
});

it('feeds deals and activities too, only those the caller may see', async () => {
  const fresh = await drain(rep);
  const account = (await call<Rec>('POST', 'accounts', { token: rep, body: { name: 'Feed Deals' } })).body;
  const mine = (await call<Rec>('POST', 'opportunities', { token: rep, body: { name: 'My feed deal', accountId: account.id, expectedCloseDate: '2027-02-28' } })).body;
  const theirs = (await call<Rec>('POST', 'opportunities', { token: await stack.tokenFor('rep2'), body: { name: 'Their feed deal', accountId: account.id, expectedCloseDate: '2027-02-28' } })).body;
  const call1 = (await call<Rec>('POST', 'activities', {
    token: rep, body: { type: 'todo', subject: 'Send the proposal', timeZone: 'Europe/Paris', dueDate: '2027-01-15', regarding: [{ entity: 'opportunity', id: mine.id }] },
  })).body;
  await settle();
  const changes = (await drain(rep, fresh.checkpoint)).changes.map((change) => `${change.entity}:${change.id}`);
  expect(changes).toEqual(expect.arrayContaining([`account:${account.id}`, `opportunity:${mine.id}`, `activity:${call1.id}`]));
  expect(changes).not.toContain(`opportunity:${theirs.id}`);
  const adminChanges = (await drain(await stack.tokenFor('admin'), fresh.checkpoint)).changes.map((change) => change.id);
  expect(adminChanges).toEqual(expect.arrayContaining([mine.id, theirs.id]));
});

it('feeds leads too', async () => {
  const fresh = await drain(rep);
  const lead = (await call<Rec>('POST', 'leads', { token: rep, body: { lastName: 'Prospectus', company: 'Feed Co' } })).body;
  await settle();
  const changes = (await drain(rep, fresh.checkpoint)).changes;
  expect(changes.find((change) => change.id === lead.id)).toMatchObject({ entity: 'lead', deleted: false, record: { lastName: 'Prospectus' } });
});
