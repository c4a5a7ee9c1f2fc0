/** Which values a merged record keeps: nothing the duplicate knew is lost, the caller decides conflicts. */
import type { AccountRecord } from '../../shared/domain/account';
import type { ContactRecord } from '../../shared/domain/contact';
import { marksOf, mergeAccountRecords, mergeContactRecords, unite } from '../../functions/usecases/merge/merge-fields';

const base = { tenantId: 't', createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'u', updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: 'u', deletedAt: null };

const survivor: ContactRecord = {
  ...base,
  id: 'keep',
  firstName: 'Olivia',
  lastName: 'Andersen',
  accountId: 'acc-1',
  accountName: 'Northwind',
  emails: [{ address: 'olivia@northwind.example', label: 'work' }],
  phones: [{ number: '+44 20 7946 0018', label: 'work' }],
  ownerId: 'rep1',
};
const duplicate: ContactRecord = {
  ...base,
  id: 'gone',
  firstName: 'Liv',
  lastName: 'Andersen',
  jobTitle: 'CFO',
  accountId: 'acc-2',
  accountName: 'Northwind Traders',
  emails: [{ address: 'OLIVIA@northwind.example', label: 'other' }, { address: 'liv@mail.example', label: 'personal' }],
  phones: [{ number: '020 7946 0018', label: 'mobile' }, { number: '+1 555 0100', label: 'mobile' }],
  ownerId: 'rep2',
};

describe('merging contacts', () => {
  it('keeps the survivor’s values, fills its gaps from the duplicate, and unites e-mails and phones (survivor’s first)', () => {
    const merged = mergeContactRecords(survivor, duplicate, {});
    expect(merged).toMatchObject({ id: 'keep', firstName: 'Olivia', jobTitle: 'CFO', accountId: 'acc-1', accountName: 'Northwind', ownerId: 'rep1' });
    expect(merged.emails.map((email) => email.address)).toEqual(['olivia@northwind.example', 'liv@mail.example']);
    expect(merged.phones.map((phone) => phone.number)).toEqual(['+44 20 7946 0018', '020 7946 0018', '+1 555 0100']);
  });

  it('takes the fields chosen from the duplicate, the account name with the account', () => {
    const merged = mergeContactRecords(survivor, duplicate, { firstName: 'duplicate', accountId: 'duplicate', ownerId: 'duplicate' });
    expect(merged).toMatchObject({ firstName: 'Liv', accountId: 'acc-2', accountName: 'Northwind Traders', ownerId: 'rep2' });
  });

  it('clears a field when the chosen side has none', () => {
    const merged = mergeContactRecords(duplicate, survivor, { jobTitle: 'duplicate', accountId: 'duplicate' });
    expect(merged).not.toHaveProperty('jobTitle');
    expect(merged.accountId).toBe('acc-1');
  });
});

describe('merging accounts', () => {
  const account = (id: string, extra: Partial<AccountRecord>): AccountRecord => ({ ...base, id, name: id, type: 'prospect', emailDomains: [], ownerId: 'rep1', ...extra });

  it('unites the e-mail domains and never makes either account the parent', () => {
    const kept = account('keep', { emailDomains: ['northwind.example'], parentAccountId: 'gone' });
    const gone = account('gone', { emailDomains: ['Northwind.example', 'nwt.example'], industry: 'Retail' });
    const merged = mergeAccountRecords(kept, gone, {});
    expect(merged.emailDomains).toEqual(['northwind.example', 'nwt.example']);
    expect(merged.industry).toBe('Retail');
    expect(merged).not.toHaveProperty('parentAccountId');
  });
});

describe('helpers', () => {
  it('unites by key, keeping the first spelling', () => {
    expect(unite(['A', 'b'], ['a', 'C', 'c'], (item) => item.toLowerCase())).toEqual(['A', 'b', 'C']);
  });

  it('reads merge marks of any stored record', () => {
    expect(marksOf({ mergedInto: 'x', mergedFrom: ['a', 3] })).toEqual({ mergedInto: 'x', mergedFrom: ['a'] });
    expect(marksOf(survivor)).toEqual({ mergedInto: undefined, mergedFrom: [] });
  });
});
