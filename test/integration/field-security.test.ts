/**
 * Field-level security holds on every surface: a field an admin hides from a role is absent from
 * reads, lists, search, the sender lookup and the sync feed, and a read-only field cannot be set.
 */
import { SYNC_SETTLE_SECONDS } from '../../functions/usecases/sync/changes-since.usecase';
import { useLocalStack } from '../support/use-local-stack';

type Rec = { id: string; etag: string } & Record<string, unknown>;
type Rules = { rules: Array<Record<string, string>>; etag: string | null };

const { call, tokens } = useLocalStack({ users: ['admin', 'manager', 'rep1', 'marketing'] });
let contact: Rec;

beforeAll(async () => {
  const defaults = await call<Rules>('GET', 'admin/field-rules', { token: tokens.admin });
  expect(defaults.body.etag).toBeNull();
  expect(defaults.body.rules).toContainEqual({ entity: 'opportunity', field: 'margin', role: 'marketing', access: 'hidden' });
  const saved = await call<Rules>('PUT', 'admin/field-rules', {
    token: tokens.admin,
    headers: { 'If-Match': '*' },
    body: {
      rules: [
        ...defaults.body.rules,
        { entity: 'contact', field: 'jobTitle', role: 'marketing', access: 'hidden' },
        { entity: 'contact', field: 'phones', role: 'sales-rep', access: 'read-only' },
      ],
    },
  });
  expect(saved.status).toBe(200);
  contact = (await call<Rec>('POST', 'contacts', { token: tokens.manager, body: { lastName: 'Secretive', jobTitle: 'Chief Spy', emails: [{ address: 'secret@fls.example' }], phones: [{ number: '+1 555 0199' }] } })).body;
});

it('hides the field from that role on reads, lists, search and lookup, and shows it to others', async () => {
  const marketing = tokens.marketing;
  expect((await call<Rec>('GET', `contacts/${contact.id}`, { token: marketing })).body).not.toHaveProperty('jobTitle');
  const list = await call<{ items: Rec[] }>('GET', 'contacts?q=secretive', { token: marketing });
  expect(list.body.items).toHaveLength(1);
  expect(list.body.items[0]).not.toHaveProperty('jobTitle');
  const lookup = await call<{ matches: Array<{ contact: Rec }> }>('GET', 'contacts/lookup?email=secret@fls.example', { token: marketing });
  expect(lookup.body.matches[0]?.contact).not.toHaveProperty('jobTitle');
  expect(lookup.body.matches[0]?.contact.lastName).toBe('Secretive');
  expect((await call<Rec>('GET', `contacts/${contact.id}`, { token: tokens.rep1 })).body.jobTitle).toBe('Chief Spy');
});

it('hides it in the sync feed too', async () => {
  await new Promise((resolve) => setTimeout(resolve, (SYNC_SETTLE_SECONDS + 0.2) * 1000));
  const feed = await call<{ changes: Array<{ id: string; record: Rec | null }> }>('GET', 'sync/changes', { token: tokens.marketing });
  const mine = feed.body.changes.find((change) => change.id === contact.id);
  expect(mine?.record?.lastName).toBe('Secretive');
  expect(mine?.record).not.toHaveProperty('jobTitle');
});

it('refuses a write of a hidden or read-only field, naming it, and writes nothing', async () => {
  const hidden = await call<{ errors: Array<{ field: string }> }>('PATCH', `contacts/${contact.id}`, { token: tokens.marketing, body: { jobTitle: 'Nobody' }, headers: { 'If-Match': contact.etag } });
  expect(hidden.status).toBe(403);
  expect(hidden.body.errors.map((issue) => issue.field)).toEqual(['jobTitle']);
  const locked = await call<{ errors: Array<{ field: string }> }>('POST', 'contacts', { token: tokens.rep1, body: { lastName: 'Dialer', phones: [{ number: '+1 555 0100' }] } });
  expect(locked.status).toBe(403);
  expect(locked.body.errors.map((issue) => issue.field)).toEqual(['phones']);
  expect((await call<{ items: Rec[] }>('GET', 'contacts?q=dialer', { token: tokens.rep1 })).body.items).toEqual([]);
  expect((await call('POST', 'contacts', { token: tokens.rep1, body: { lastName: 'Dialer' } })).status).toBe(201);
  expect((await call<Rec>('GET', `contacts/${contact.id}`, { token: tokens.manager })).body.jobTitle).toBe('Chief Spy');
});

it('lets only admins change the rules, with If-Match, and refuses ambiguous rules', async () => {
  const current = await call<Rules>('GET', 'admin/field-rules', { token: tokens.admin });
  expect((await call('PUT', 'admin/field-rules', { token: tokens.manager, headers: { 'If-Match': current.body.etag ?? '*' }, body: { rules: [] } })).status).toBe(403);
  expect((await call('PUT', 'admin/field-rules', { token: tokens.admin, headers: { 'If-Match': '*' }, body: { rules: [] } })).status).toBe(412);
  const twice = { entity: 'contact', field: 'department', role: 'marketing', access: 'hidden' };
  const ambiguous = await call<{ errors: Array<{ field: string }> }>('PUT', 'admin/field-rules', { token: tokens.admin, headers: { 'If-Match': current.body.etag ?? '' }, body: { rules: [twice, { ...twice, access: 'read-only' }] } });
  expect(ambiguous.status).toBe(400);
  expect(ambiguous.body.errors[0]?.field).toBe('rules.1');
});

it('leaves hidden fields out of the audit trail, old and new values alike', async () => {
  const rules = await call<Rules>('GET', 'admin/field-rules', { token: tokens.admin });
  await call('PUT', 'admin/field-rules', {
    token: tokens.admin, headers: { 'If-Match': rules.body.etag ?? '' },
    body: { rules: [...rules.body.rules, { entity: 'contact', field: 'department', role: 'sales-manager', access: 'hidden' }] },
  });
  const created = (await call<Rec>('POST', 'contacts', { token: tokens.admin, body: { lastName: 'Audited', department: 'Secret Lab' } })).body;
  const managerView = await call<{ items: Array<{ changes: Array<{ field: string }> }> }>('GET', `contacts/${created.id}/audit`, { token: tokens.manager });
  expect(managerView.body.items[0]?.changes.map((change) => change.field)).not.toContain('department');
  const adminView = await call<{ items: Array<{ changes: Array<{ field: string }> }> }>('GET', `contacts/${created.id}/audit`, { token: tokens.admin });
  expect(adminView.body.items[0]?.changes.map((change) => change.field)).toContain('department');
});
