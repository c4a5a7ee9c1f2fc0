/**
 * E-mail templates over HTTP: personal and shared templates and who sees and changes them,
 * refused HTML, the merge-field catalogue, and rendering for a contact, their account and a deal
 * as the caller may see them (record access and field rules included).
 */
import { useLocalStack } from '../support/use-local-stack';

type Template = { id: string; etag: string; name: string; subject: string; html: string; visibility: string; ownerId: string; mergeFields: string[]; description?: string };
type Rendered = { subject: string; html: string; text: string; fields: Array<{ field: string; status: string }> };
type Problem = { code: string; errors?: Array<{ field: string; message: string }> };
type Page<T> = { items: T[]; continuation: string | null };

const { stack, call, tokens } = useLocalStack({ users: ['admin', 'manager', 'rep1', 'rep2', 'marketing', 'readonly', 'other-admin'] });
let contactId: string;
let opportunityId: string;

const fields = (problem: Problem) => (problem.errors ?? []).map((issue) => issue.field);
const namesIn = (page: Page<Template>) => page.items.map((item) => item.name);

async function create(token: string | undefined, body: Record<string, unknown>) {
  return call<Template & Problem>('POST', 'email-templates', { token, body: { html: '<p>Hello</p>', ...body } });
}

async function render(token: string | undefined, template: Template, body: Record<string, unknown> = { contactId, opportunityId }) {
  return call<Rendered & Problem>('POST', `email-templates/${template.id}/render`, { token, body });
}

beforeAll(async () => {
  const account = await call<{ id: string }>('POST', 'accounts', {
    token: tokens.rep1,
    body: { name: 'Northwind & Sons', industry: 'Logistics', address: { city: 'London', country: 'United Kingdom' } },
  });
  const contact = await call<{ id: string }>('POST', 'contacts', {
    token: tokens.rep1,
    body: { firstName: 'Olivia', lastName: 'Andersen', jobTitle: 'Head of <Purchasing>', accountId: account.body.id, emails: [{ address: 'olivia@northwind.example' }] },
  });
  const deal = await call<{ id: string }>('POST', 'opportunities', {
    token: tokens.rep1,
    body: { name: 'Fleet renewal', accountId: account.body.id, amount: 12500, currency: 'EUR', expectedCloseDate: '2027-03-31', stage: 'propose' },
  });
  expect([account.status, contact.status, deal.status]).toEqual([201, 201, 201]);
  contactId = contact.body.id;
  opportunityId = deal.body.id;
});

describe('personal and shared templates', () => {
  it('are personal by default, with ETag, Location and the merge fields they use', async () => {
    const created = await create(tokens.rep1, { name: 'Rep follow-up', subject: 'Hi {{contact.firstName}}', html: '<p>{{contact.firstName}} at {{account.name}}</p>' });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/api/email-templates/${created.body.id}`);
    expect(created.headers.get('etag')).toBe(created.body.etag);
    expect(created.body).toMatchObject({ visibility: 'personal', subject: 'Hi {{contact.firstName}}', mergeFields: ['contact.firstName', 'account.name'] });
  });

  it('are visible to their owner only when personal, to everyone in the tenant when shared', async () => {
    const personal = (await create(tokens.rep1, { name: 'Only mine' })).body;
    const shared = await create(tokens.marketing, { name: 'Spring campaign', subject: 'Spring offers', visibility: 'shared' });
    expect(shared.status).toBe(201);
    expect((await call('GET', `email-templates/${personal.id}`, { token: tokens.rep2 })).status).toBe(404);
    expect((await call('GET', `email-templates/${personal.id}`, { token: tokens.admin })).status).toBe(404);
    expect((await call<Template>('GET', `email-templates/${personal.id}`, { token: tokens.rep1 })).body.name).toBe('Only mine');
    expect((await call<Template>('GET', `email-templates/${shared.body.id}`, { token: tokens.readonly })).body.name).toBe('Spring campaign');
    expect((await call('GET', `email-templates/${shared.body.id}`, { token: tokens['other-admin'] })).status).toBe(404);

    const forRep1 = namesIn((await call<Page<Template>>('GET', 'email-templates', { token: tokens.rep1 })).body);
    expect(forRep1).toEqual(expect.arrayContaining(['Only mine', 'Spring campaign']));
    expect([...forRep1].sort((a, b) => a.localeCompare(b))).toEqual(forRep1);
    const forRep2 = namesIn((await call<Page<Template>>('GET', 'email-templates', { token: tokens.rep2 })).body);
    expect(forRep2).toContain('Spring campaign');
    expect(forRep2).not.toContain('Only mine');
    expect(namesIn((await call<Page<Template>>('GET', 'email-templates?visibility=personal', { token: tokens.rep1 })).body)).not.toContain('Spring campaign');
    expect(namesIn((await call<Page<Template>>('GET', 'email-templates?visibility=shared', { token: tokens.rep1 })).body)).not.toContain('Only mine');
    expect(namesIn((await call<Page<Template>>('GET', 'email-templates?q=spring%20offers', { token: tokens.rep2 })).body)).toEqual(['Spring campaign']);
  });

  it('can be shared only by administrators, managers and marketing', async () => {
    const refused = await create(tokens.rep1, { name: 'Rep broadcast', visibility: 'shared' });
    expect(refused.status).toBe(403);
    expect(fields(refused.body)).toEqual(['visibility']);
    const mine = (await create(tokens.rep1, { name: 'Rep draft' })).body;
    const switched = await call<Problem>('PATCH', `email-templates/${mine.id}`, { token: tokens.rep1, body: { visibility: 'shared' }, headers: { 'If-Match': mine.etag } });
    expect(switched.status).toBe(403);
    const companyWide = (await create(tokens.manager, { name: 'Manager welcome', visibility: 'shared' })).body;
    expect((await call('PATCH', `email-templates/${companyWide.id}`, { token: tokens.rep2, body: { name: 'Hijacked' }, headers: { 'If-Match': companyWide.etag } })).status).toBe(403);
    expect((await call('DELETE', `email-templates/${companyWide.id}`, { token: tokens.rep2, headers: { 'If-Match': companyWide.etag } })).status).toBe(403);
    expect((await call('POST', 'email-templates', { token: tokens.readonly, body: { name: 'x', html: '<p>x</p>' } })).status).toBe(403);
    const edited = await call<Template>('PATCH', `email-templates/${companyWide.id}`, { token: tokens.marketing, body: { description: 'For new customers' }, headers: { 'If-Match': companyWide.etag } });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ description: 'For new customers', ownerId: companyWide.ownerId, visibility: 'shared' });
  });

  it('change under If-Match (428 without, 412 when stale) and are deleted as tombstones', async () => {
    const template = (await create(tokens.rep1, { name: 'Versioned' })).body;
    expect((await call('PATCH', `email-templates/${template.id}`, { token: tokens.rep1, body: { name: 'No version' } })).status).toBe(428);
    const renamed = await call<Template>('PATCH', `email-templates/${template.id}`, { token: tokens.rep1, body: { name: 'Renamed', subject: 'New {{user.displayName}}' }, headers: { 'If-Match': template.etag } });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Renamed', html: '<p>Hello</p>', mergeFields: ['user.displayName'] });
    expect((await call('PATCH', `email-templates/${template.id}`, { token: tokens.rep1, body: { name: 'Stale' }, headers: { 'If-Match': template.etag } })).status).toBe(412);
    expect((await call<Template>('GET', `email-templates/${template.id}`, { token: tokens.rep1 })).body.name).toBe('Renamed');
    expect((await call('DELETE', `email-templates/${template.id}`, { token: tokens.rep1, headers: { 'If-Match': renamed.body.etag } })).status).toBe(204);
    expect((await call('GET', `email-templates/${template.id}`, { token: tokens.rep1 })).status).toBe(404);
    expect(namesIn((await call<Page<Template>>('GET', 'email-templates?visibility=personal', { token: tokens.rep1 })).body)).not.toContain('Renamed');
  });

  it('refuse active HTML with 400 naming html, and store nothing', async () => {
    for (const html of ['<p>Hi</p><script>alert(1)</script>', '<img src="x" onerror="alert(1)">', '<a href="javascript:alert(1)">x</a>', '<iframe src="https://x.example"></iframe>']) {
      const refused = await create(tokens.rep1, { name: 'Dangerous', html });
      expect(refused.status).toBe(400);
      expect(fields(refused.body)).toContain('html');
    }
    const template = (await create(tokens.rep1, { name: 'Clean' })).body;
    const patched = await call<Problem>('PATCH', `email-templates/${template.id}`, { token: tokens.rep1, body: { html: '<form><input></form>' }, headers: { 'If-Match': template.etag } });
    expect(patched.status).toBe(400);
    expect(fields(patched.body)).toEqual(['html']);
    expect(namesIn((await call<Page<Template>>('GET', 'email-templates?q=dangerous', { token: tokens.rep1 })).body)).toEqual([]);
  });
});

describe('merge fields a template may not save', () => {
  const messages = (problem: Problem) => (problem.errors ?? []).map((issue) => issue.message);

  it.each([
    ['words with a space', { html: '<p>Dear {{first name}},</p>' }, 'html', '`{{first name}}` is not a merge field; use {{contact.firstName}} — see GET /api/email-templates/merge-fields'],
    ['a hyphenated name', { html: '<p>Dear {{contact.first-name}},</p>' }, 'html', '`{{contact.first-name}}` is not a merge field; use {{contact.firstName}}'],
    ['a placeholder missing a brace', { subject: 'Hi {{ contact.firstName }' }, 'subject', '`{{ contact.firstName }` is not closed with }}; use {{contact.firstName}}'],
    ['a field as an unquoted attribute value', { html: '<img alt={{account.name}} src="a.png">' }, 'html', 'put it in quotes: alt="{{account.name}}"'],
    ['an unquoted value after a > inside quotes', { html: '<a title="x > y" href={{account.website}}>site</a>' }, 'html', 'put it in quotes: href="{{account.website}}"'],
    ['a field inside a tag outside an attribute value', { html: '<p {{contact.firstName}}>x</p>' }, 'html', 'stands inside a tag but outside an attribute value'],
    ['a field in a style attribute', { html: '<p style="color:{{account.city}}">x</p>' }, 'html', 'merge fields cannot go into styles'],
    ['a field in a style element', { html: '<style>p { color: {{account.city}} }</style><p>x</p>' }, 'html', 'merge fields cannot go into styles'],
    ['a script element split by a field', { html: '<scr{{contact.firstName|}}ipt>alert(1)</script>' }, 'html', 'must not contain <script> elements'],
  ])('refuses %s with 400 naming the field and the valid syntax, and stores nothing', async (_case, body, field, message) => {
    const refused = await create(tokens.rep1, { name: 'Malformed merge', ...body });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('VALIDATION');
    expect(fields(refused.body)).toContain(field);
    expect(messages(refused.body).some((text) => text.includes(message))).toBe(true);
    expect(namesIn((await call<Page<Template>>('GET', 'email-templates?q=malformed', { token: tokens.rep1 })).body)).toEqual([]);
  });

  it('refuses a change to a malformed subject or body, keeping the template as it was', async () => {
    const template = (await create(tokens.rep1, { name: 'Well formed', subject: 'Hi {{contact.firstName}}', html: '<p title="{{account.name}}">Hi</p>' })).body;
    expect(template.mergeFields).toEqual(['contact.firstName', 'account.name']);
    const subject = await call<Problem>('PATCH', `email-templates/${template.id}`, { token: tokens.rep1, body: { subject: 'Hi {{first name}}' }, headers: { 'If-Match': template.etag } });
    expect(subject.status).toBe(400);
    expect(fields(subject.body)).toEqual(['subject']);
    const body = await call<Problem>('PATCH', `email-templates/${template.id}`, { token: tokens.rep1, body: { html: '<img alt={{account.name}}>' }, headers: { 'If-Match': template.etag } });
    expect(body.status).toBe(400);
    expect(fields(body.body)).toEqual(['html']);
    expect((await call<Template>('GET', `email-templates/${template.id}`, { token: tokens.rep1 })).body).toMatchObject({ subject: 'Hi {{contact.firstName}}', etag: template.etag });
  });

  it('renders a template stored before these were refused with markers, never a raw {{, and values kept inside their attributes', async () => {
    const contact = await call<{ id: string }>('POST', 'contacts', {
      token: tokens.rep1,
      body: { firstName: 'Sam', lastName: 'Smith onmouseover=alert(1) x', department: 'javascript:alert(1)' },
    });
    expect(contact.status).toBe(201);
    const saved = (await create(tokens.rep1, { name: 'Stored before', subject: 'Hi', html: '<p>Hi</p>' })).body;
    const tenantId = (await stack.services.authenticate(`Bearer ${tokens.rep1}`)).tenantId;
    const store = stack.services.deps.stores.emailTemplates;
    const current = await store.get(tenantId, saved.id);
    if (!current) throw new Error('the template just created is not stored');
    const { etag, ...record } = current;
    await store.replace(
      {
        ...record,
        subject: 'Hi {{first name}} {{ contact.firstName }',
        html: '<p>Dear {{contact.first-name}},</p><img alt={{contact.lastName}} src="a.png"><a title="x > y" href="{{contact.department}}">x</a>',
      },
      etag,
      current,
    );
    const rendered = await render(tokens.rep1, saved, { contactId: contact.body.id });
    expect(rendered.status).toBe(200);
    expect(rendered.body.subject).toBe('Hi [Unknown field: first name] [Unknown field: contact.firstName]');
    expect(rendered.body.html).toBe(
      '<p>Dear <span data-merge-field="contact.first-name" data-merge-status="unknown" style="background-color:#fff4ce;color:#3b2e00">[Unknown field: contact.first-name]</span>,</p>' +
        '<img alt=Smith&#32;onmouseover&#61;alert(1)&#32;x src="a.png"><a title="x > y" href="[Department]">x</a>',
    );
    expect(rendered.body.text).toBe('Dear [Unknown field: contact.first-name],\n\nx');
    expect(`${rendered.body.subject}${rendered.body.html}${rendered.body.text}`).not.toContain('{{');
    expect(rendered.body.fields).toEqual(
      expect.arrayContaining([
        { field: 'first name', status: 'unknown' },
        { field: 'contact.first-name', status: 'unknown' },
        { field: 'contact.lastName', status: 'resolved' },
        { field: 'contact.department', status: 'missing' },
      ]),
    );
  });
});

describe('the merge-field catalogue', () => {
  it('is served at its literal route, not taken for a template id', async () => {
    const catalogue = await call<{ items: Array<{ field: string; label: string; entity: string }> }>('GET', 'email-templates/merge-fields', { token: tokens.readonly });
    expect(catalogue.status).toBe(200);
    expect(catalogue.body.items).toContainEqual({ field: 'contact.firstName', label: 'First name', entity: 'contact' });
    expect(new Set(catalogue.body.items.map((item) => item.entity))).toEqual(new Set(['contact', 'account', 'opportunity', 'user']));
  });
});

describe('rendering', () => {
  let letter: Template;
  beforeAll(async () => {
    letter = (
      await create(tokens.marketing, {
        name: 'Proposal letter',
        visibility: 'shared',
        subject: '{{opportunity.name}} for {{account.name}}',
        html:
          '<p>Dear {{contact.firstName}} ({{contact.jobTitle}}),</p><p>{{opportunity.stage}}: {{opportunity.amount}} {{opportunity.currency}} by {{opportunity.closeDate}}, ' +
          '{{account.city}}. Dept: {{contact.department | your team}}. Phone: {{contact.phone}}. {{contact.shoeSize}}</p><p>{{user.displayName}}</p>',
      })
    ).body;
  });

  it('fills the fields from the contact, their account, the deal and the sender, escaping HTML', async () => {
    const rendered = await render(tokens.rep1, letter);
    expect(rendered.status).toBe(200);
    expect(rendered.body.subject).toBe('Fleet renewal for Northwind & Sons');
    expect(rendered.body.html).toContain('<p>Dear Olivia (Head of &lt;Purchasing&gt;),</p><p>Propose: 12,500.00 EUR by 2027-03-31, London.');
    expect(rendered.body.html).toContain('<p>Priya Raman</p>');
    expect(rendered.body.text).toContain('Dear Olivia (Head of <Purchasing>),\n\nPropose: 12,500.00 EUR');
  });

  it('uses the fallback for a missing value, marks one without fallback, and names unknown fields', async () => {
    const rendered = (await render(tokens.rep1, letter)).body;
    expect(rendered.html).toContain('Dept: your team.');
    expect(rendered.html).toContain('Phone: <span data-merge-field="contact.phone" data-merge-status="missing" style="background-color:#fff4ce;color:#3b2e00">[Phone]</span>');
    expect(rendered.html).toContain('data-merge-status="unknown"');
    expect(rendered.html).toContain('[Unknown field: contact.shoeSize]');
    expect(rendered.html).not.toContain('{{');
    expect(rendered.text).toContain('Phone: [Phone]. [Unknown field: contact.shoeSize]');
    const status = Object.fromEntries(rendered.fields.map((use) => [use.field, use.status]));
    expect(status).toMatchObject({ 'opportunity.name': 'resolved', 'contact.department': 'fallback', 'contact.phone': 'missing', 'contact.shoeSize': 'unknown' });
  });

  it('leaves the deal fields missing without a deal', async () => {
    const rendered = (await render(tokens.rep1, letter, { contactId })).body;
    expect(rendered.subject).toBe('[Opportunity name] for Northwind & Sons');
  });

  it('answers 404 for a deal or contact the caller may not see, and for a template they may not see', async () => {
    const hidden = await render(tokens.rep2, letter);
    expect(hidden.status).toBe(404);
    expect(fields(hidden.body)).toEqual(['opportunityId']);
    expect((await render(tokens.rep1, letter, { contactId: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
    expect((await render(tokens['other-admin'], letter, { contactId })).status).toBe(404);
    const personal = (await create(tokens.rep1, { name: 'Private render' })).body;
    expect((await render(tokens.rep2, personal, { contactId })).status).toBe(404);
  });

  it("answers 400 naming opportunityId for a deal of another account; a contact without an account takes the deal's", async () => {
    const other = await call<{ id: string }>('POST', 'accounts', { token: tokens.rep1, body: { name: 'Contoso Rivals' } });
    const foreignDeal = await call<{ id: string }>('POST', 'opportunities', {
      token: tokens.rep1,
      body: { name: 'Secret bid', accountId: other.body.id, amount: 99000, currency: 'EUR', expectedCloseDate: '2027-06-30', stage: 'propose' },
    });
    expect([other.status, foreignDeal.status]).toEqual([201, 201]);
    const refused = await render(tokens.rep1, letter, { contactId, opportunityId: foreignDeal.body.id });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('VALIDATION');
    expect(refused.body.errors).toEqual([{ field: 'opportunityId', message: "is not a deal of this contact's account" }]);
    expect(JSON.stringify(refused.body)).not.toContain('Secret bid');

    const loner = await call<{ id: string }>('POST', 'contacts', { token: tokens.rep1, body: { firstName: 'Lone', lastName: 'Ranger' } });
    expect(loner.status).toBe(201);
    const rendered = await render(tokens.rep1, letter, { contactId: loner.body.id, opportunityId: foreignDeal.body.id });
    expect(rendered.status).toBe(200);
    expect(rendered.body.subject).toBe('Secret bid for Contoso Rivals');
  });

  it("renders a field hidden by the caller's field rules as missing, never its value", async () => {
    const rules = await call<{ rules: unknown[]; etag: string | null }>('GET', 'admin/field-rules', { token: tokens.admin });
    const saved = await call('PUT', 'admin/field-rules', {
      token: tokens.admin,
      headers: { 'If-Match': rules.body.etag ?? '*' },
      body: { rules: [...rules.body.rules, { entity: 'contact', field: 'jobTitle', role: 'sales-rep', access: 'hidden' }] },
    });
    expect(saved.status).toBe(200);
    const forRep = (await render(tokens.rep1, letter)).body;
    expect(forRep.html).not.toContain('Purchasing');
    expect(forRep.text).not.toContain('Purchasing');
    expect(forRep.html).toContain('Dear Olivia (<span data-merge-field="contact.jobTitle" data-merge-status="missing"');
    expect(forRep.fields).toContainEqual({ field: 'contact.jobTitle', status: 'missing' });
    // The rule is for reps: a manager (without the rep's deal, outside any team here) still reads it.
    expect((await render(tokens.manager, letter, { contactId })).body.html).toContain('Head of &lt;Purchasing&gt;');
  });
});
