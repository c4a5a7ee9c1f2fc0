/** Exporting contacts and accounts over HTTP: JSON envelopes holding CSV or vCard files, and their round trip through import. */
import type { ExportFile, ImportJob } from '../../shared/contracts/imports.contract';
import { parseCsv } from '../../shared/domain/csv';
import { CONTACT_EXPORT_COLUMNS } from '../../shared/domain/record-export';
import { parseVCards } from '../../shared/domain/vcard';
import { useLocalStack } from '../support/use-local-stack';

const { stack, call, tokens } = useLocalStack({ users: ['rep1'] });
let rep: string;
let accountId: string;
const contactIds: string[] = [];

beforeAll(async () => {
  rep = tokens.rep1;
  const account = await call<{ id: string }>('POST', 'accounts', { token: rep, body: { name: 'Exportia, Inc.', type: 'customer', emailDomains: ['exportia.example'] } });
  accountId = account.body.id;
  await call('POST', 'accounts', { token: rep, body: { name: 'Exportia Partner', type: 'partner' } });
  const people = [
    { firstName: 'Zoë', lastName: 'Ångström', jobTitle: '=1+2', emails: [{ address: 'zoe@exportia.example' }, { address: 'zoe@home.example', label: 'personal' }], phones: [{ number: '+46 70 123 45 67', label: 'mobile' }] },
    { firstName: 'Jean', lastName: 'Dupont', emails: [{ address: 'jean@exportia.example' }], address: { street: '1 rue de la Paix\nBât. B', city: 'Paris', country: 'France' } },
    { lastName: 'Solo', emails: [{ address: 'solo@exportia.example' }] },
  ];
  for (const person of people) {
    const created = await call<{ id: string }>('POST', 'contacts', { token: rep, body: { ...person, accountId } });
    contactIds.push(created.body.id);
  }
});

describe('contacts as CSV', () => {
  let file: ExportFile;

  it('returns every matching contact in a JSON envelope: file name, content type, UTF-8 CSV content', async () => {
    const response = await call<ExportFile>('GET', `exports/contacts?accountId=${accountId}`, { token: rep });
    expect(response.status).toBe(200);
    file = response.body;
    expect(file.fileName).toMatch(/^contacts-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(file.contentType).toBe('text/csv; charset=utf-8');
    expect(file.count).toBe(3);
    const [header, ...rows] = parseCsv(file.content, ',');
    expect(header).toEqual(CONTACT_EXPORT_COLUMNS);
    expect(rows.map((row) => row[2])).toEqual(['Ångström', 'Dupont', 'Solo']);
    expect(rows[0]?.[3]).toBe("'=1+2");
    expect(rows[1]?.[CONTACT_EXPORT_COLUMNS.indexOf('Street')]).toBe('1 rue de la Paix\nBât. B');
    expect(rows[0]?.[CONTACT_EXPORT_COLUMNS.indexOf('Company')]).toBe('Exportia, Inc.');
  });

  it('applies the keyword filter as the list does', async () => {
    const response = await call<ExportFile>('GET', 'exports/contacts?q=dupont', { token: rep });
    expect(response.body.count).toBe(1);
  });

  it('writes `;` for French Excel when asked', async () => {
    const response = await call<ExportFile>('GET', `exports/contacts?accountId=${accountId}&delimiter=${encodeURIComponent(';')}`, { token: rep });
    expect(response.body.content.split('\r\n')[0]).toMatch(/^\uFEFFId;First name;Last name;/);
  });

  it('round-trips through the import preview: same people, each recognised as already in the CRM', async () => {
    const uploaded = await call<ImportJob>('POST', 'imports', { token: rep, body: { entity: 'contact', format: 'csv', fileName: file.fileName, content: file.content } });
    expect(uploaded.status).toBe(201);
    const rows = uploaded.body.preview?.rows ?? [];
    expect(rows.map((row) => row.action)).toEqual(['skip-duplicate', 'skip-duplicate', 'skip-duplicate']);
    expect(rows.map((row) => row.duplicates[0]?.existingId)).toEqual(contactIds);
    expect(rows[0]?.record).toMatchObject({ firstName: 'Zoë', lastName: 'Ångström', jobTitle: '=1+2', phones: [{ number: '+46 70 123 45 67', label: 'mobile' }] });
    expect(rows[0]?.company).toEqual({ name: 'Exportia, Inc.', accountId });
  });
});

describe('contacts as vCard', () => {
  it('writes vCard 3.0 with N, FN, ORG, EMAIL and TEL with their types, ADR', async () => {
    const response = await call<ExportFile>('GET', `exports/contacts?format=vcard&accountId=${accountId}`, { token: rep });
    expect(response.body.fileName).toMatch(/\.vcf$/);
    expect(response.body.contentType).toBe('text/vcard; charset=utf-8');
    const cards = parseVCards(response.body.content);
    expect(cards).toHaveLength(3);
    expect(cards[0]).toMatchObject({ uid: contactIds[0], name: { family: 'Ångström', given: 'Zoë' }, formattedName: 'Zoë Ångström', organization: 'Exportia, Inc.' });
    expect(cards[0]?.emails).toEqual([
      { value: 'zoe@exportia.example', types: ['internet', 'work', 'pref'] },
      { value: 'zoe@home.example', types: ['internet', 'home'] },
    ]);
    expect(cards[0]?.phones).toEqual([{ value: '+46 70 123 45 67', types: ['cell'] }]);
    expect(cards[1]?.addresses[0]).toMatchObject({ street: '1 rue de la Paix\nBât. B', city: 'Paris', country: 'France' });
  });
});

describe('accounts as CSV', () => {
  it('filters by type and writes the documented columns', async () => {
    const response = await call<ExportFile>('GET', 'exports/accounts?q=exportia&type=customer', { token: rep });
    expect(response.status).toBe(200);
    const [header, ...rows] = parseCsv(response.body.content, ',');
    expect(header?.slice(0, 3)).toEqual(['Id', 'Name', 'Type']);
    expect(rows.map((row) => row[1])).toEqual(['Exportia, Inc.']);
    expect(rows[0]?.[header?.indexOf('E-mail domains') ?? -1]).toBe('exportia.example');
  });

  it('refuses vCard for accounts, naming the parameter', async () => {
    const refused = await call<{ errors: Array<{ field: string }> }>('GET', 'exports/accounts?format=vcard', { token: rep });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0]?.field).toBe('format');
  });
});

describe('who may export what', () => {
  it('lets read-only users export (it is a read)', async () => {
    expect((await call('GET', 'exports/contacts', { token: await stack.tokenFor('readonly') })).status).toBe(200);
  });

  it('never includes another tenant’s records', async () => {
    const outsider = await call<ExportFile>('GET', 'exports/contacts?q=exportia', { token: await stack.tokenFor('other-admin') });
    expect(outsider.status).toBe(200);
    expect(outsider.body.count).toBe(0);
  });
});
