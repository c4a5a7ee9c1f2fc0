import { validateRow } from '../../functions/usecases/imports/row-validation';
import { suggestMapping, missingRequiredFields } from '../../shared/domain/import-fields';
import { mapAccountRow, mapContactRow } from '../../shared/domain/import-mapping';
import { tableFromCsv, tableFromVCards, type ImportRow } from '../../shared/domain/import-table';

const row = (values: Record<string, string>): ImportRow => ({ row: 1, values });

describe('suggesting a column mapping from the headers', () => {
  it('recognises English headers, whatever their case and punctuation', () => {
    expect(suggestMapping('contact', ['First Name', 'LAST NAME', 'E-Mail Address', 'Company', 'Job Title', 'Mobile Phone', 'City', 'Country/Region'])).toEqual({
      firstName: 'First Name', lastName: 'LAST NAME', email: 'E-Mail Address', company: 'Company', jobTitle: 'Job Title', mobile: 'Mobile Phone', city: 'City', country: 'Country/Region',
    });
  });

  it('recognises French headers, accents or not', () => {
    expect(suggestMapping('contact', ['Prénom', 'Nom', 'Courriel', 'Société', 'Fonction', 'Téléphone', 'Portable', 'Ville', 'Code postal', 'Pays'])).toEqual({
      firstName: 'Prénom', lastName: 'Nom', email: 'Courriel', company: 'Société', jobTitle: 'Fonction', phone: 'Téléphone', mobile: 'Portable',
      city: 'Ville', postalCode: 'Code postal', country: 'Pays',
    });
  });

  it("recognises Outlook's export headers", () => {
    expect(suggestMapping('contact', ['E-mail Address', 'E-mail 2 Address', 'E-mail 3 Address', 'Business Phone', 'Home Phone', 'Business Street', 'Business Postal Code'])).toEqual({
      email: 'E-mail Address', email2: 'E-mail 2 Address', email3: 'E-mail 3 Address', phone: 'Business Phone', homePhone: 'Home Phone', street: 'Business Street', postalCode: 'Business Postal Code',
    });
  });

  it('gives a field its first matching column only, and leaves unknown headers unmapped', () => {
    expect(suggestMapping('contact', ['Email', 'Courriel', 'Shoe size'])).toEqual({ email: 'Email' });
  });

  it('never suggests the owner: records go to someone else only when mapped on purpose', () => {
    expect(suggestMapping('contact', ['Last name', 'Owner id'])).toEqual({ lastName: 'Last name' });
  });

  it('maps account headers, where "Company" is the name', () => {
    expect(suggestMapping('account', ['Société', 'Type', 'Secteur', 'Site web', 'Domaines'])).toEqual({
      name: 'Société', type: 'Type', industry: 'Secteur', website: 'Site web', emailDomains: 'Domaines',
    });
  });

  it('says which required field is still unmapped', () => {
    expect(missingRequiredFields('contact', { email: 'E-mail' })).toEqual(['lastName']);
    expect(missingRequiredFields('contact', { fullName: 'Name' })).toEqual([]);
    expect(missingRequiredFields('account', { website: 'Web' })).toEqual(['name']);
  });
});

describe('a CSV file as a table', () => {
  it('takes the first record as the header, numbers data rows from 1 and skips blank ones without renumbering', () => {
    const table = tableFromCsv('Name;E-mail\r\nAnn;ann@x.example\r\n;\r\nBob;bob@x.example\r\n', ';');
    expect(table.columns).toEqual(['Name', 'E-mail']);
    expect(table.rows).toEqual([
      { row: 1, values: { Name: 'Ann', 'E-mail': 'ann@x.example' } },
      { row: 3, values: { Name: 'Bob', 'E-mail': 'bob@x.example' } },
    ]);
  });

  it('names blank and repeated headers apart, and makes room for rows wider than the header', () => {
    expect(tableFromCsv('Phone,,Phone\na,b,c,d').columns).toEqual(['Phone', 'Column 2', 'Phone (2)', 'Column 4']);
  });

  it('undoes the formula neutralisation of our own exports', () => {
    expect(tableFromCsv("Phone\n'+44 20 7946 0018").rows[0]?.values.Phone).toBe('+44 20 7946 0018');
  });
});

describe('vCards as a table', () => {
  it('fills the columns our CSV export writes: work e-mails first, home ones as personal, cell as mobile', () => {
    const table = tableFromVCards(
      'BEGIN:VCARD\nN:Lee;Ann\nORG:Acme;Sales\nEMAIL;TYPE=HOME:ann@home.example\nEMAIL;TYPE=WORK:ann@acme.example\nTEL;TYPE=CELL:555 0100\nTEL;TYPE=WORK:555 0101\nEND:VCARD',
    );
    expect(table.rows[0]).toEqual({
      row: 1,
      values: { 'First name': 'Ann', 'Last name': 'Lee', Company: 'Acme', Department: 'Sales', 'E-mail': 'ann@acme.example', 'Personal e-mail': 'ann@home.example', Phone: '555 0101', Mobile: '555 0100' },
    });
    expect(suggestMapping('contact', table.columns)).toMatchObject({ firstName: 'First name', lastName: 'Last name', email: 'E-mail', personalEmail: 'Personal e-mail' });
  });
});

describe('a row becomes a ContactCreate', () => {
  const mapping = { firstName: 'Prénom', lastName: 'Nom', email: 'Courriel', email2: 'Courriel 2', otherEmails: 'Autres', mobile: 'Portable', city: 'Ville', company: 'Société' };

  it('collects e-mails and phones from their columns with their labels, and the address parts', () => {
    const mapped = mapContactRow(row({ Prénom: ' Zoë ', Nom: 'Ångström', Courriel: 'Zoe@Example.com', Autres: 'a@x.example; b@x.example', Portable: '+46 70 123 45 67', Ville: 'Malmö', Société: 'Acme' }), mapping);
    const result = validateRow('contact', mapped);
    expect(result.valid).toBe(true);
    expect(result.valid && result.input).toEqual({
      firstName: 'Zoë',
      lastName: 'Ångström',
      emails: [{ address: 'zoe@example.com', label: 'work' }, { address: 'a@x.example', label: 'other' }, { address: 'b@x.example', label: 'other' }],
      phones: [{ number: '+46 70 123 45 67', label: 'mobile' }],
      address: { city: 'Malmö' },
    });
    expect(mapped.company).toBe('Acme');
  });

  it('drops an address typed in two columns instead of refusing the row', () => {
    const mapped = mapContactRow(row({ Nom: 'Lee', Courriel: 'ann@x.example', 'Courriel 2': 'ANN@x.example' }), mapping);
    expect(mapped.candidate.emails).toEqual([{ address: 'ann@x.example', label: 'work' }]);
  });

  it('splits a full name when there is no last-name column: "Dupont, Jean" or "Jean Dupont"', () => {
    expect(mapContactRow(row({ Name: 'Dupont, Jean' }), { fullName: 'Name' }).candidate).toMatchObject({ lastName: 'Dupont', firstName: 'Jean' });
    expect(mapContactRow(row({ Name: 'Jean Paul Dupont' }), { fullName: 'Name' }).candidate).toMatchObject({ lastName: 'Dupont', firstName: 'Jean Paul' });
    expect(mapContactRow(row({ Name: 'Cher' }), { fullName: 'Name' }).candidate).toMatchObject({ lastName: 'Cher' });
  });

  it('names each invalid field as the contract does, with the column it came from', () => {
    const result = validateRow('contact', mapContactRow(row({ Prénom: 'Ann', Courriel: 'ann@example.com', 'Courriel 2': 'not-an-address' }), mapping));
    expect(result.valid).toBe(false);
    expect(!result.valid && result.issues).toEqual([
      { field: 'lastName', message: 'is required: map a column to it' },
      { field: 'emails.1.address', column: 'Courriel 2', message: 'must be a valid e-mail address' },
    ]);
  });

  it('refuses a field the importer may not set (field-level security)', () => {
    const result = validateRow('contact', mapContactRow(row({ Nom: 'Lee', Ville: 'Paris' }), mapping), new Set(['address']));
    expect(!result.valid && result.issues).toEqual([{ field: 'address', column: 'Ville', message: 'your role may not set this field' }]);
  });
});

describe('a row becomes an AccountCreate', () => {
  const mapping = { name: 'Société', type: 'Type', website: 'Web', emailDomains: 'Domaines' };

  it('reads account types in English and French, completes a bare website, splits domains', () => {
    const result = validateRow('account', mapAccountRow(row({ Société: 'Acme', Type: 'Client', Web: 'acme.example', Domaines: '@Acme.example; acme.fr' }), mapping));
    expect(result.valid && result.input).toEqual({ name: 'Acme', type: 'customer', website: 'https://acme.example', emailDomains: ['acme.example', 'acme.fr'] });
  });

  it('defaults the type to prospect and names an unknown type', () => {
    expect(validateRow('account', mapAccountRow(row({ Société: 'Acme' }), mapping))).toMatchObject({ valid: true, input: { type: 'prospect' } });
    const wrong = validateRow('account', mapAccountRow(row({ Société: 'Acme', Type: 'friend' }), mapping));
    expect(!wrong.valid && wrong.issues[0]).toMatchObject({ field: 'type', column: 'Type' });
  });
});
