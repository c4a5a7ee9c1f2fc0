import { validateRow } from '../../functions/usecases/imports/row-validation';
import { parseCsv } from '../../shared/domain/csv';
import { suggestMapping } from '../../shared/domain/import-fields';
import { mapAccountRow, mapContactRow } from '../../shared/domain/import-mapping';
import { tableFromCsv, tableFromVCards } from '../../shared/domain/import-table';
import { ACCOUNT_EXPORT_COLUMNS, CONTACT_EXPORT_COLUMNS, accountsToCsv, contactsToCsv, contactsToVCards, type ExportedContact } from '../../shared/domain/record-export';

const contact: ExportedContact = {
  id: 'c1',
  firstName: 'Zoë',
  lastName: 'Ångström',
  fullName: 'Zoë Ångström',
  jobTitle: '=HYPERLINK("http://evil.example","click")',
  accountId: 'a1',
  accountName: 'Acme, Inc.',
  emails: [
    { address: 'zoe@acme.example', label: 'work' },
    { address: 'zoe@home.example', label: 'personal' },
    { address: 'z2@acme.example', label: 'work' },
    { address: 'zoe@other.example', label: 'other' },
  ],
  phones: [{ number: '+46 70 123 45 67', label: 'mobile' }, { number: '020 7946 0018', label: 'work' }, { number: '555 0100', label: 'other' }],
  address: { street: '1 Main St\nFloor 2', city: 'Malmö', country: 'Sweden' },
  ownerId: 'u1',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
};

describe('exporting contacts as CSV', () => {
  const csv = contactsToCsv([contact]);
  const [header, row] = parseCsv(csv, ',');

  it('starts with a BOM and the documented columns, in order', () => {
    expect(csv.startsWith('\uFEFFId,First name,Last name,')).toBe(true);
    expect(header).toEqual(CONTACT_EXPORT_COLUMNS);
  });

  it('puts the primary address in E-mail, further work ones in E-mail 2-3, personal apart, the rest in Other e-mails', () => {
    const cell = (column: string) => row?.[CONTACT_EXPORT_COLUMNS.indexOf(column)];
    expect([cell('E-mail'), cell('E-mail 2'), cell('Personal e-mail'), cell('Other e-mails')]).toEqual(['zoe@acme.example', 'z2@acme.example', 'zoe@home.example', 'zoe@other.example']);
    expect([cell('Phone'), cell('Mobile'), cell('Other phones')]).toEqual(['020 7946 0018', "'+46 70 123 45 67", '555 0100']);
  });

  it('escapes commas, quotes and line breaks, and neutralises formulas', () => {
    expect(csv).toContain('"Acme, Inc."');
    expect(csv).toContain('"1 Main St\nFloor 2"');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
  });

  it('writes `;` for French Excel when asked', () => {
    expect(contactsToCsv([contact], ';').split('\r\n')[0]).toBe('\uFEFFId;First name;Last name;Job title;Department;Company;Account id;E-mail;E-mail 2;E-mail 3;Personal e-mail;Other e-mails;Phone;Mobile;Home phone;Other phones;Street;City;Postal code;Region;Country;Owner id;Created at;Updated at');
  });

  it('leaves a field the caller may not see as an empty cell, keeping the columns', () => {
    const [, redacted] = parseCsv(contactsToCsv([{ id: 'c2', lastName: 'Lee' }]), ',');
    expect(redacted).toHaveLength(CONTACT_EXPORT_COLUMNS.length);
  });

  it('maps itself back on import: same names, addresses, phones and labels', () => {
    const table = tableFromCsv(csv);
    const result = validateRow('contact', mapContactRow(table.rows[0] ?? { row: 1, values: {} }, suggestMapping('contact', table.columns)));
    expect(result.valid && result.input).toMatchObject({
      firstName: 'Zoë',
      lastName: 'Ångström',
      jobTitle: contact.jobTitle,
      emails: [
        { address: 'zoe@acme.example', label: 'work' },
        { address: 'z2@acme.example', label: 'work' },
        { address: 'zoe@home.example', label: 'personal' },
        { address: 'zoe@other.example', label: 'other' },
      ],
      phones: [{ number: '020 7946 0018', label: 'work' }, { number: '+46 70 123 45 67', label: 'mobile' }, { number: '555 0100', label: 'other' }],
      address: { street: '1 Main St\nFloor 2', city: 'Malmö', country: 'Sweden' },
    });
    // Owners are never mapped by suggestion: the importer owns what they import unless they map it on purpose.
    expect(result.valid && result.input.ownerId).toBeUndefined();
  });
});

describe('exporting accounts as CSV', () => {
  it('writes the documented columns and maps itself back', () => {
    const csv = accountsToCsv([{ id: 'a1', name: 'Acme', type: 'customer', website: 'https://acme.example', emailDomains: ['acme.example', 'acme.fr'], phone: '+1 555 0100' }]);
    const table = tableFromCsv(csv);
    expect(table.columns).toEqual(ACCOUNT_EXPORT_COLUMNS);
    const result = validateRow('account', mapAccountRow(table.rows[0] ?? { row: 1, values: {} }, suggestMapping('account', table.columns)));
    expect(result.valid && result.input).toEqual({ name: 'Acme', type: 'customer', website: 'https://acme.example', emailDomains: ['acme.example', 'acme.fr'], phone: '+1 555 0100' });
  });
});

describe('exporting contacts as vCard 3.0', () => {
  it('writes one card per contact that imports back with the same addresses and numbers', () => {
    const text = contactsToVCards([contact]);
    expect(text).toContain('EMAIL;TYPE=INTERNET,WORK,PREF:zoe@acme.example\r\n');
    expect(text).toContain('TEL;TYPE=CELL:+46 70 123 45 67\r\n');
    expect(text).toContain('ORG:Acme\\, Inc.\r\n');
    const table = tableFromVCards(text);
    const result = validateRow('contact', mapContactRow(table.rows[0] ?? { row: 1, values: {} }, suggestMapping('contact', table.columns)));
    if (!result.valid || result.entity !== 'contact') throw new Error('the card did not import');
    expect(result.input.emails.map((email) => email.address).sort()).toEqual(contact.emails?.map((email) => email.address).sort());
    expect(result.input.phones.map((phone) => phone.number).sort()).toEqual(contact.phones?.map((phone) => phone.number).sort());
  });
});
