import { buildSearchText, buildSortKey, emailDomain, foldText, normalizeEmail, searchTokens } from '../../shared/domain/text-normalization';

describe('matching names, e-mails and phones as people type them', () => {
  it('compares e-mails in one spelling', () => {
    expect(normalizeEmail('  Ada.Lovelace@Example.COM ')).toBe('ada.lovelace@example.com');
    expect(emailDomain('Ada@Sub.Example.com')).toBe('sub.example.com');
  });

  it('folds accents and case so "Zoë Ångström" matches "zoe angstrom"', () => {
    expect(foldText('  Zoë   Ångström ')).toBe('zoe angstrom');
  });

  it('turns phone-like keywords into digits and keeps at most five distinct words', () => {
    expect(searchTokens('+44 (20) 7946-0018')).toEqual(['442079460018']);
    expect(searchTokens('Ada 7946-0018')).toEqual(['ada', '79460018']);
    expect(searchTokens('020 7946 0018')).toEqual(['2079460018']);
    expect(searchTokens('a b c d e f a')).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('indexes phones as digits so any punctuation finds them', () => {
    const text = buildSearchText(['Ada Lovelace'], ['+44 20 7946 0018']);
    expect(text).toContain('442079460018');
    expect(text.includes(searchTokens('7946-0018')[0] as string)).toBe(true);
  });

  it('sorts by folded name with the id breaking ties', () => {
    const keys = [buildSortKey('Émile', 'b'), buildSortKey('emile', 'a'), buildSortKey('Ada', 'z')].sort();
    expect(keys.map((key) => key.split('\u0001')[1])).toEqual(['z', 'a', 'b']);
  });
});
