/** What the pane offers for someone the CRM does not know yet: a prefilled form and likely matches. */
import { alternateAddress, nameFromAddress, participantContactMatch, prefillName, strongestReason } from '../../shared/domain/participant-matching';
import type { ContactCandidate, MatchProbe } from '../../shared/domain/duplicate-matching';

describe('prefilled names', () => {
  it.each([
    ['Olivia Andersen', 'o@x.example', { firstName: 'Olivia', lastName: 'Andersen' }],
    ['Andersen, Olivia', 'o@x.example', { firstName: 'Olivia', lastName: 'Andersen' }],
    ['"Andersen, Olivia (Northwind)"', 'o@x.example', { firstName: 'Olivia', lastName: 'Andersen' }],
    ['olivia.andersen@x', 'olivia.andersen@x', { firstName: 'Olivia', lastName: 'Andersen' }],
    ['Dr. Ludwig van Beethoven', 'l@x.example', { firstName: 'Ludwig', lastName: 'van Beethoven' }],
    ['Mary Ann Smith', 'm@x.example', { firstName: 'Mary Ann', lastName: 'Smith' }],
    ["'Zoë Müller' <zoe@x.example>", 'zoe@x.example', { firstName: 'Zoë', lastName: 'Müller' }],
    ['Okafor', 'n@x.example', { lastName: 'Okafor' }],
  ])('reads %s', (displayName, address, expected) => {
    expect(prefillName(displayName, address)).toEqual(expected);
  });

  it('falls back to the address when there is no display name', () => {
    expect(prefillName(undefined, 'olivia.andersen@northwind.example')).toEqual({ firstName: 'Olivia', lastName: 'Andersen' });
    expect(prefillName('  ', 'olivia_andersen+crm@x.example')).toEqual({ firstName: 'Olivia', lastName: 'Andersen' });
    expect(prefillName(undefined, 'o.andersen2@x.example')).toEqual({ lastName: 'Andersen' });
  });

  it('reads no name from a function mailbox, a single word or something that is not an address', () => {
    expect(nameFromAddress('info@northwind.example')).toEqual({});
    expect(nameFromAddress('jsmith@northwind.example')).toEqual({});
    expect(nameFromAddress('/o=ExchangeLabs/ou=Exchange/cn=Recipients/cn=olivia.andersen')).toEqual({});
  });
});

describe('alternate addresses', () => {
  it('recognises the same distinctive mailbox name at another domain', () => {
    expect(alternateAddress('olivia.andersen@gmail.com', ['olivia.andersen@northwind.example'])).toBe('olivia.andersen@northwind.example');
    expect(alternateAddress('OAndersen@gmail.com', ['oandersen@northwind.example'])).toBe('oandersen@northwind.example');
  });

  it('does not count the same domain, function mailboxes or common short names', () => {
    expect(alternateAddress('olivia.andersen@northwind.example', ['olivia.andersen@northwind.example'])).toBeUndefined();
    expect(alternateAddress('info@gmail.com', ['info@northwind.example'])).toBeUndefined();
    expect(alternateAddress('john@gmail.com', ['john@northwind.example'])).toBeUndefined();
  });
});

describe('contacts suggested for an unknown participant', () => {
  const olivia: ContactCandidate = {
    id: 'c1', firstName: 'Olivia', lastName: 'Andersen', accountId: 'a1', accountName: 'Northwind Traders', emails: ['olivia.andersen@northwind.example'], phones: [],
  };
  const probe = (fields: Partial<MatchProbe>): MatchProbe => ({ emails: [], phones: [], ...fields });

  it('suggests the contact writing from a personal address under the same mailbox name', () => {
    const match = participantContactMatch(probe({ firstName: 'Olivia', lastName: 'Andersen', emails: ['olivia.andersen@gmail.com'] }), olivia);
    expect(match?.reason).toBe('alternate-email');
    expect(match?.score).toBeGreaterThanOrEqual(80);
  });

  it('suggests a namesake at the same company domain as a similar name', () => {
    expect(participantContactMatch(probe({ firstName: 'Olivia', lastName: 'Andersen', emails: ['o.andersen@northwind.example'] }), olivia)).toEqual({ score: 50, reason: 'similar-name' });
  });

  it('suggests nobody for a stranger', () => {
    expect(participantContactMatch(probe({ firstName: 'Kofi', lastName: 'Mensah', emails: ['kofi.mensah@elsewhere.example'] }), olivia)).toBeNull();
  });

  it('names an account owning the domain by its e-mail domain', () => {
    expect(strongestReason([{ code: 'similar-company' }, { code: 'same-domain' }])).toBe('email-domain');
    expect(strongestReason([])).toBeUndefined();
  });
});
