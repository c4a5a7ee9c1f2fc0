/**
 * Converting a lead over HTTP: account, contact and deal in one step, linked to each other and to
 * the lead; safe to send twice and to retry after a failure half-way; refusing a duplicate contact.
 */
import { AppError } from '../../shared/domain/errors';
import { useLocalStack } from '../support/use-local-stack';

type Rec = { id: string; etag: string };
type Lead = Rec & { status: string; conversion?: { accountId: string; contactId: string; opportunityId?: string } };
type Conversion = {
  lead: Lead;
  account: Rec & { name: string; emailDomains: string[] };
  contact: Rec & { lastName: string; accountId: string; emails: Array<{ address: string }> };
  opportunity: (Rec & { accountId: string; contactId: string; amount: number; currency: string; stage: string; leadSource: string }) | null;
};
type Problem = { code: string; detail: string; errors?: Array<{ field: string; message: string }> };

const { stack, call, tokens } = useLocalStack({ users: ['rep1'] });
let rep: string;

beforeAll(() => {
  rep = tokens.rep1;
});
afterEach(() => jest.restoreAllMocks());

async function lead(body: Record<string, unknown>): Promise<Lead> {
  const created = await call<Lead>('POST', 'leads', { token: rep, body: { source: 'event', estimatedAmount: 18000, currency: 'EUR', productLine: 'Analytics', ...body } });
  expect(created.status).toBe(201);
  return created.body;
}

function convert(target: Lead, body: Record<string, unknown>, etag: string | null = target.etag) {
  return call<Conversion & Problem>('POST', `leads/${target.id}/convert`, { token: rep, body, headers: etag ? { 'If-Match': etag } : {} });
}

const everything = { account: { create: {} }, contact: { create: {} }, opportunity: { create: { expectedCloseDate: '2027-03-31' } } };

async function count(path: string): Promise<number> {
  return (await call<{ items: unknown[] }>('GET', path, { token: rep })).body.items.length;
}

it('creates account, contact and deal from the lead in one step, all linked, and marks the lead converted', async () => {
  const target = await lead({ firstName: 'Maya', lastName: 'Lindqvist', company: 'Brightpath Labs', emails: [{ address: 'maya@brightpath.example' }] });
  expect((await convert(target, everything, null)).status).toBe(428);
  const done = await convert(target, everything);
  expect(done.status).toBe(200);
  const { account, contact, opportunity } = done.body;
  expect(account).toMatchObject({ name: 'Brightpath Labs', emailDomains: ['brightpath.example'] });
  expect(contact).toMatchObject({ lastName: 'Lindqvist', accountId: account.id, emails: [{ address: 'maya@brightpath.example' }] });
  expect(opportunity).toMatchObject({ accountId: account.id, contactId: contact.id, amount: 18000, currency: 'EUR', leadSource: 'event' });
  expect(done.body.lead).toMatchObject({ status: 'converted', conversion: { accountId: account.id, contactId: contact.id, opportunityId: opportunity?.id } });
  expect(done.headers.get('etag')).toBe(done.body.lead.etag);
  const lookup = await call<{ matches: Array<{ contact: Rec }> }>('GET', 'contacts/lookup?email=maya@brightpath.example', { token: rep });
  expect(lookup.body.matches.map((match) => match.contact.id)).toEqual([contact.id]);
  const timeline = await call<{ items: Array<{ title: string }> }>('GET', `contacts/${contact.id}/history`, { token: rep });
  expect(timeline.body.items.map((entry) => entry.title)).toContain('Converted from lead Maya Lindqvist (Brightpath Labs)');
});

it('answers a second convert with 409 naming what the lead became, and creates nothing twice', async () => {
  const target = await lead({ lastName: 'Twice', company: 'Twice Told Tales', emails: [{ address: 'twice@twicetold.example' }] });
  const first = await convert(target, everything);
  expect(first.status).toBe(200);
  const again = await convert(target, everything);
  expect(again.status).toBe(409);
  expect(again.body.detail).toContain(first.body.account.id);
  expect(again.body.detail).toContain(first.body.contact.id);
  expect(again.body.detail).toContain(first.body.opportunity?.id);
  expect(await count('accounts?q=twice%20told')).toBe(1);
  expect(await count(`opportunities?accountId=${first.body.account.id}`)).toBe(1);
  const update = await call('PATCH', `leads/${target.id}`, { token: rep, body: { status: 'working' }, headers: { 'If-Match': first.body.lead.etag } });
  expect(update.status).toBe(409);
});

it('finishes a conversion that failed half-way when retried, reusing what the first attempt created', async () => {
  const target = await lead({ lastName: 'Halfway', company: 'Halfway House', emails: [{ address: 'halfway@halfwayhouse.example' }] });
  jest.spyOn(stack.services.deps.stores.opportunities, 'create').mockRejectedValueOnce(new AppError('TEMPORARY', 'The database is busy; try again in a moment.'));
  const failed = await convert(target, everything);
  expect(failed.status).toBe(503);
  expect(await count('accounts?q=halfway')).toBe(1);
  const stillOpen = await call<Lead>('GET', `leads/${target.id}`, { token: rep });
  expect(stillOpen.body.status).toBe('new');
  const retried = await convert(target, everything);
  expect(retried.status).toBe(200);
  expect(await count('accounts?q=halfway')).toBe(1);
  expect(await count('contacts?q=halfway')).toBe(1);
  expect(await count(`opportunities?accountId=${retried.body.account.id}`)).toBe(1);
  expect(retried.body.opportunity?.contactId).toBe(retried.body.contact.id);
});

it('refuses to create a contact whose e-mail a contact already has, naming the field and that contact, unless told to', async () => {
  const existing = (await call<Rec>('POST', 'contacts', { token: rep, body: { lastName: 'Known', emails: [{ address: 'known@dupes.example' }] } })).body;
  const target = await lead({ lastName: 'Known', company: 'Dupes Inc', emails: [{ address: 'other@dupes.example' }, { address: 'KNOWN@dupes.example' }] });
  const refused = await convert(target, { account: { create: {} }, contact: { create: {} } });
  expect(refused.status).toBe(409);
  expect(refused.body.errors).toEqual([{ field: 'contact.create.emails.1.address', message: `already belongs to contact ${existing.id}` }]);
  expect(refused.body.detail).toContain(existing.id);
  expect(await count('accounts?q=dupes')).toBe(0);

  const linked = await convert(target, { account: { create: {} }, contact: { existingId: existing.id } });
  expect(linked.status).toBe(200);
  expect(linked.body.contact.id).toBe(existing.id);
  expect(linked.body.opportunity).toBeNull();

  const other = await lead({ lastName: 'Known', company: 'Dupes Inc', emails: [{ address: 'known@dupes.example' }] });
  const forced = await convert(other, { account: { existingId: linked.body.account.id }, contact: { create: {} }, allowDuplicate: true });
  expect(forced.status).toBe(200);
  expect(forced.body.contact.id).not.toBe(existing.id);
});

it('refuses a bad conversion before writing anything, naming the fields as in the body', async () => {
  const target = await lead({ lastName: 'Careful', emails: [{ address: 'careful@careful.example' }] });
  const noName = await convert(target, { account: { create: {} }, contact: { create: {} } });
  expect(noName.status).toBe(400);
  expect(noName.body.errors?.map((error) => error.field)).toEqual(['account.create.name']);
  const badStage = await convert(target, { account: { create: { name: 'Careful Co' } }, contact: { create: {} }, opportunity: { create: { expectedCloseDate: '2027-01-01', stage: 'closed-won' } } });
  expect(badStage.status).toBe(400);
  expect(badStage.body.errors?.map((error) => error.field)).toEqual(['opportunity.create.stage']);
  const ghost = await convert(target, { account: { existingId: '5d0f4c1e-2a3b-4c5d-8e9f-0a1b2c3d4e5f' }, contact: { create: {} } });
  expect(ghost.body.errors?.map((error) => error.field)).toEqual(['account.existingId']);
  expect(await count('accounts?q=careful')).toBe(0);
  expect(await count('contacts?q=careful')).toBe(0);
});

it('keeps another tenant out of the conversion', async () => {
  const target = await lead({ lastName: 'Mine', company: 'Mine Co' });
  const other = await stack.tokenFor('other-admin');
  const refused = await call('POST', `leads/${target.id}/convert`, { token: other, body: everything, headers: { 'If-Match': target.etag } });
  expect(refused.status).toBe(404);
});

it('refuses a field the role may not set in any record the conversion creates, naming it, and converts nothing', async () => {
  const target = await lead({ lastName: 'Marginal', company: 'Locked Fields Ltd' });
  const refused = await convert(target, { ...everything, opportunity: { create: { expectedCloseDate: '2027-03-31', margin: 40 } } });
  expect(refused.status).toBe(403);
  expect(refused.body.errors?.map((issue) => issue.field)).toEqual(['opportunity.create.margin']);
  const after = await call<Lead>('GET', `leads/${target.id}`, { token: rep });
  expect(after.body.status).not.toBe('converted');
});
