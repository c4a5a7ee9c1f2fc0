/** Pure rules that make names, e-mails and phones comparable for search, sort and matching. */

export function normalizeEmail(address: string): string {
  return address.trim().toLowerCase();
}

export function emailDomain(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? '' : normalizeEmail(address.slice(at + 1));
}

export function phoneDigits(phone: string): string {
  return phone.replace(/\D/g, '');
}

/** Lower case without accents: "Zoë Ångström" sorts and matches as "zoe angstrom". */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Keywords as the store compares them: folded, split on spaces, at most 5 words. A query that
 * is a phone number as a whole ("+44 (20) 7946-0018") becomes one run of digits, as phones are
 * indexed; so does a single phone-like word.
 */
export function searchTokens(query: string): string[] {
  const folded = foldText(query);
  const phoneLike = (text: string) => /^[+0-9 ().\-/]+$/.test(text) && /\d/.test(text);
  if (phoneLike(folded) && phoneDigits(folded).length >= 3) return [phoneSearchDigits(folded)];
  const tokens = folded
    .split(' ')
    .map((word) => (phoneLike(word) ? phoneSearchDigits(word) : word))
    .filter(Boolean);
  return [...new Set(tokens)].slice(0, 5);
}

/**
 * Digits to look for in stored phones. A national trunk prefix ("020 7946 0018" for
 * "+44 20 7946 0018") is dropped, so the number matches however it was stored.
 */
function phoneSearchDigits(text: string): string {
  const digits = phoneDigits(text);
  const withoutTrunk = digits.replace(/^0+/, '');
  return withoutTrunk.length >= 3 ? withoutTrunk : digits;
}

/** The text a record is searched by: each part folded, phones as digits. */
export function buildSearchText(parts: Array<string | undefined | null>, phones: Array<string | undefined | null> = []): string {
  const words = parts.filter((part): part is string => Boolean(part)).map(foldText);
  const digits = phones.filter((phone): phone is string => Boolean(phone)).map(phoneDigits);
  return ` ${[...words, ...digits].join(' ')} `;
}

/** Sort key: folded name then id, so names sort alphabetically and ties stay in a stable order. */
export function buildSortKey(name: string, id: string): string {
  return `${foldText(name)}\u0001${id}`;
}
