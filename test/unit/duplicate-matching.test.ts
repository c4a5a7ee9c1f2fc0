/** The rules that say whether a person or company is already in the CRM, and why. */
import {
  accountMatchReasons,
  businessDomains,
  companyTokens,
  contactMatchReasons,
  matchScore,
  rankMatches,
  samePhone,
  similarCompanies,
  similarPersonNames,
  withinOneEdit,
  type AccountCandidate,
  type ContactCandidate,
  type MatchProbe,
} from '../../shared/domain/duplicate-matching';

const olivia: ContactCandidate = {
  id: 'c-olivia',
  firstName: 'Olivia',
  lastName: 'Andersen',
  accountId: 'a-northwind',
  accountName: 'Northwind Traders',
  emails: ['olivia.andersen@northwind.example', 'olivia@gmail.com'],
  phones: ['+44 20 7946 0018'],
};
const northwind: AccountCandidate = { id: 'a-northwind', name: 'Northwind Traders', domains: ['northwind.example'], phones: ['+1 555 0110'] };

function probe(fields: Partial<MatchProbe>): MatchProbe {
  return { emails: [], phones: [], ...fields };
}

const codes = (reasons: Array<{ code: string }>) => reasons.map((reason) => reason.code);

describe('contacts', () => {
  it('finds the same e-mail whatever its case, as the strongest reason', () => {
    const reasons = contactMatchReasons(probe({ lastName: 'Someone', emails: ['Olivia.Andersen@Northwind.example'] }), olivia);
    expect(reasons).toEqual([{ code: 'same-email', label: 'same e-mail', value: 'olivia.andersen@northwind.example' }]);
    expect(matchScore(reasons)).toBe(100);
  });

  it('finds the same phone however it is written', () => {
    expect(codes(contactMatchReasons(probe({ phones: ['020 7946 0018'] }), olivia))).toEqual(['same-phone']);
    expect(samePhone('+44 (20) 7946-0018', '0044 20 7946 0018')).toBe(true);
    expect(samePhone('+44 20 7946 0018', '+44 20 7946 0019')).toBe(false);
    expect(samePhone('12', '12')).toBe(false);
  });

  it('finds a similar name only at the same company: same account, similar company name, or a shared business domain', () => {
    const typo = { firstName: 'Olivia', lastName: 'Anderssen' };
    expect(codes(contactMatchReasons(probe({ ...typo, accountId: 'a-northwind' }), olivia))).toEqual(['similar-name']);
    expect(codes(contactMatchReasons(probe({ ...typo, company: 'Northwind Traders Ltd.' }), olivia))).toEqual(['similar-name']);
    expect(codes(contactMatchReasons(probe({ ...typo, emails: ['o.anderssen@northwind.example'] }), olivia))).toEqual(['similar-name']);
    expect(contactMatchReasons(probe({ ...typo, company: 'Contoso' }), olivia)).toEqual([]);
    expect(contactMatchReasons(probe(typo), olivia)).toEqual([]);
  });

  it('does not take two people at the same free-mail provider for colleagues', () => {
    expect(contactMatchReasons(probe({ firstName: 'Olivia', lastName: 'Andersen', emails: ['someone.else@gmail.com'] }), olivia)).toEqual([]);
    expect(businessDomains(['a@gmail.com', 'b@Contoso.com', 'c@contoso.com'])).toEqual(['contoso.com']);
  });

  it('says what matched in the reason', () => {
    const [reason] = contactMatchReasons(probe({ firstName: 'O.', lastName: 'Andersen', accountId: 'a-northwind' }), olivia);
    expect(reason).toEqual({ code: 'similar-name', label: 'similar name at the same company', value: 'Olivia Andersen at Northwind Traders' });
  });
});

describe('names', () => {
  it('accepts one typo on a last name long enough to have one, folded', () => {
    expect(similarPersonNames({ lastName: 'Müller' }, { lastName: 'Muller' })).toBe(true);
    expect(similarPersonNames({ lastName: 'Andersen' }, { lastName: 'Anderson' })).toBe(true);
    expect(similarPersonNames({ lastName: "O'Brien" }, { lastName: 'OBrien' })).toBe(true);
    expect(similarPersonNames({ lastName: 'Xu' }, { lastName: 'Wu' })).toBe(false);
    expect(similarPersonNames({ lastName: 'Andersen' }, { lastName: 'Andreasen' })).toBe(false);
  });

  it('lets first names fit as initials, short forms or a typo, and not otherwise', () => {
    expect(similarPersonNames({ firstName: 'J.', lastName: 'Chen' }, { firstName: 'Jia', lastName: 'Chen' })).toBe(true);
    expect(similarPersonNames({ firstName: 'Alex', lastName: 'Chen' }, { firstName: 'Alexander', lastName: 'Chen' })).toBe(true);
    expect(similarPersonNames({ lastName: 'Chen' }, { firstName: 'Mei', lastName: 'Chen' })).toBe(true);
    expect(similarPersonNames({ firstName: 'Mei', lastName: 'Chen' }, { firstName: 'Wei', lastName: 'Chen' })).toBe(false);
  });

  it('measures edit distance of at most one', () => {
    expect(withinOneEdit('smith', 'smyth')).toBe(true);
    expect(withinOneEdit('smith', 'smth')).toBe(true);
    expect(withinOneEdit('smith', 'smiths')).toBe(true);
    expect(withinOneEdit('smith', 'smiht')).toBe(false);
    expect(withinOneEdit('smith', 'smithers')).toBe(false);
  });
});

describe('accounts', () => {
  it('finds the account owning the e-mail domain', () => {
    expect(accountMatchReasons(probe({ emails: ['new.person@northwind.example'] }), northwind)).toEqual([
      { code: 'same-domain', label: 'same e-mail domain', value: 'northwind.example' },
    ]);
  });

  it('finds a similar company name, legal forms and case aside', () => {
    expect(companyTokens('The Northwind Traders, Inc.')).toEqual(['northwind', 'traders']);
    expect(similarCompanies('NORTHWIND', 'Northwind Traders')).toBe(true);
    expect(similarCompanies('Northwind Trading', 'Northwind Traders')).toBe(false);
    expect(similarCompanies('Ltd', 'Northwind Ltd')).toBe(false);
    expect(codes(accountMatchReasons(probe({ company: 'Northwind Traders Ltd' }), northwind))).toEqual(['similar-company']);
  });

  it('combines reasons as independent evidence', () => {
    const reasons = accountMatchReasons(probe({ company: 'Northwind', emails: ['x@northwind.example'], phones: ['555 0110'] }), northwind);
    expect(codes(reasons)).toEqual(['same-domain', 'similar-company', 'same-phone']);
    expect(matchScore(reasons)).toBe(94);
  });
});

describe('ranking', () => {
  it('keeps only candidates with a reason, best first, each once, at most the limit', () => {
    const other: ContactCandidate = { id: 'c-other', lastName: 'Other', emails: [], phones: ['+44 20 7946 0018'] };
    const nobody: ContactCandidate = { id: 'c-nobody', lastName: 'Nobody', emails: [], phones: [] };
    const query = probe({ emails: ['olivia.andersen@northwind.example'], phones: ['+44 20 7946 0018'] });
    const ranked = rankMatches([other, nobody, olivia, olivia], (candidate) => contactMatchReasons(query, candidate));
    expect(ranked.map((match) => [match.candidate.id, match.score])).toEqual([['c-olivia', 100], ['c-other', 60]]);
    expect(rankMatches([other, olivia], (candidate) => contactMatchReasons(query, candidate), 1)).toHaveLength(1);
  });
});
