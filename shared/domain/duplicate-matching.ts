/**
 * Is this person or company already in the CRM? Pure rules that score existing contacts and
 * accounts against a probe (a lead, or a contact about to be created), each suggestion with the
 * reasons a user can check at a glance. The use case only fetches candidates and calls these.
 */
import { emailDomain, foldText, normalizeEmail, phoneDigits } from './text-normalization';

/** Mailbox providers: two people at gmail.com are not colleagues, and no account owns the domain. */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'yahoo.com', 'ymail.com', 'icloud.com',
  'me.com', 'mac.com', 'aol.com', 'proton.me', 'protonmail.com', 'gmx.com', 'gmx.de', 'gmx.net', 'web.de', 't-online.de',
  'mail.com', 'yandex.com', 'yandex.ru', 'qq.com', '163.com', 'orange.fr', 'free.fr', 'laposte.net', 'zoho.com', 'fastmail.com',
]);

/** Words that say what kind of company, not which one: "Contoso Ltd" and "Contoso Limited" are one. */
const LEGAL_FORMS = new Set([
  'inc', 'incorporated', 'ltd', 'limited', 'llc', 'llp', 'plc', 'gmbh', 'ag', 'kg', 'sa', 'sas', 'sarl', 'srl', 'spa', 'bv', 'nv',
  'ab', 'as', 'oy', 'pty', 'corp', 'corporation', 'co', 'company', 'group', 'holding', 'holdings', 'the', 'and',
]);

export const MATCH_REASONS = ['same-email', 'same-domain', 'same-phone', 'similar-name', 'similar-company'] as const;
export type MatchReasonCode = (typeof MATCH_REASONS)[number];

/** How much each reason alone says that two records are the same (percent). */
export const MATCH_WEIGHTS: Record<MatchReasonCode, number> = {
  'same-email': 100,
  'same-domain': 70,
  'same-phone': 60,
  'similar-name': 50,
  'similar-company': 50,
};

const LABELS: Record<MatchReasonCode, string> = {
  'same-email': 'same e-mail',
  'same-domain': 'same e-mail domain',
  'same-phone': 'same phone',
  'similar-name': 'similar name at the same company',
  'similar-company': 'similar company name',
};

export interface MatchReason {
  code: MatchReasonCode;
  label: string;
  /** What matched: the address, the domain, the number, the name. */
  value: string;
}

/** Who we are looking for. */
export interface MatchProbe {
  firstName?: string;
  lastName?: string;
  company?: string;
  accountId?: string;
  emails: string[];
  phones: string[];
}

export interface ContactCandidate {
  id: string;
  firstName?: string;
  lastName: string;
  accountId?: string;
  accountName?: string;
  emails: string[];
  phones: string[];
}

export interface AccountCandidate {
  id: string;
  name: string;
  /** Declared e-mail domains plus its own e-mail's. */
  domains: string[];
  phones: string[];
}

export interface Suggestion<T> {
  candidate: T;
  /** 0–100: reasons combine as independent evidence, so two weak ones outrank one of them. */
  score: number;
  reasons: MatchReason[];
}

function reason(code: MatchReasonCode, value: string): MatchReason {
  return { code, label: LABELS[code], value };
}

export function matchScore(reasons: readonly MatchReason[]): number {
  const doubt = reasons.reduce((remaining, item) => remaining * (1 - MATCH_WEIGHTS[item.code] / 100), 1);
  return Math.round(100 * (1 - doubt));
}

/** The domains of the addresses that identify an employer (free-mail providers left out). */
export function businessDomains(emails: readonly string[]): string[] {
  return [...new Set(emails.map(emailDomain).filter((domain) => domain && !FREE_MAIL_DOMAINS.has(domain)))];
}

/** "Contoso Ltd." → ["contoso"]: folded words without legal forms. */
export function companyTokens(name: string): string[] {
  const words = foldText(name).replace(/[^a-z0-9]+/g, ' ').split(' ').filter(Boolean);
  return [...new Set(words.filter((word) => !LEGAL_FORMS.has(word)))];
}

/** One company's words all appear in the other's: "Northwind" is "Northwind Traders Inc". */
export function similarCompanies(a: string, b: string): boolean {
  const [shorter, longer] = [companyTokens(a), companyTokens(b)].sort((x, y) => x.length - y.length) as [string[], string[]];
  return shorter.length > 0 && shorter.every((word) => longer.includes(word));
}

/** Levenshtein distance of at most one (one letter added, dropped or changed), in linear time. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i += 1;
  const rest = short.length === long.length ? short.slice(i + 1) : short.slice(i);
  return rest === long.slice(i + 1);
}

function foldName(name: string | undefined): string {
  return foldText(name ?? '').replace(/[^a-z]/g, '');
}

/** "J." fits "Jane", "Alex" fits "Alexander", a missing first name fits any. */
function firstNamesFit(a: string | undefined, b: string | undefined): boolean {
  const [x, y] = [foldName(a), foldName(b)];
  if (!x || !y || x === y) return true;
  if (x.length === 1 || y.length === 1) return x[0] === y[0];
  if (Math.min(x.length, y.length) >= 3 && (x.startsWith(y) || y.startsWith(x))) return true;
  return Math.min(x.length, y.length) >= 4 && withinOneEdit(x, y);
}

/** Same folded last name, or one typo apart on names long enough for a typo to be one; first names fit. */
export function similarPersonNames(a: { firstName?: string; lastName?: string }, b: { firstName?: string; lastName?: string }): boolean {
  const [x, y] = [foldName(a.lastName), foldName(b.lastName)];
  if (!x || !y) return false;
  const lastClose = x === y || (Math.min(x.length, y.length) >= 4 && withinOneEdit(x, y));
  return lastClose && firstNamesFit(a.firstName, b.firstName);
}

/** The digits that identify a line: trunk and international prefixes ("0", "00") dropped. */
function significantDigits(phone: string): string {
  return phoneDigits(phone).replace(/^0+/, '');
}

/** Same number however it was written: "+44 20 7946 0018" is "020 7946 0018". */
export function samePhone(a: string, b: string): boolean {
  const [x, y] = [significantDigits(a), significantDigits(b)].sort((p, q) => p.length - q.length) as [string, string];
  if (x.length < 3) return false;
  return x === y || (x.length >= 7 && y.endsWith(x));
}

function commonPhone(probe: readonly string[], candidate: readonly string[]): string | undefined {
  return probe.find((phone) => candidate.some((other) => samePhone(phone, other)));
}

/** The shared company, when there is evidence of one: same account, similar name, or a shared business domain. */
function sharedCompany(probe: MatchProbe, candidate: ContactCandidate): string | undefined {
  if (probe.accountId && probe.accountId === candidate.accountId) return candidate.accountName ?? 'the same account';
  if (probe.company && candidate.accountName && similarCompanies(probe.company, candidate.accountName)) return candidate.accountName;
  const domains = new Set(businessDomains(candidate.emails));
  return businessDomains(probe.emails).find((domain) => domains.has(domain));
}

export function contactMatchReasons(probe: MatchProbe, candidate: ContactCandidate): MatchReason[] {
  const reasons: MatchReason[] = [];
  const theirs = new Set(candidate.emails.map(normalizeEmail));
  const email = probe.emails.map(normalizeEmail).find((address) => theirs.has(address));
  if (email) reasons.push(reason('same-email', email));
  const phone = commonPhone(probe.phones, candidate.phones);
  if (phone) reasons.push(reason('same-phone', phone));
  const company = similarPersonNames(probe, candidate) ? sharedCompany(probe, candidate) : undefined;
  if (company) reasons.push(reason('similar-name', `${[candidate.firstName, candidate.lastName].filter(Boolean).join(' ')} at ${company}`));
  return reasons;
}

export function accountMatchReasons(probe: MatchProbe, candidate: AccountCandidate): MatchReason[] {
  const reasons: MatchReason[] = [];
  const domain = businessDomains(probe.emails).find((item) => candidate.domains.includes(item));
  if (domain) reasons.push(reason('same-domain', domain));
  if (probe.company && similarCompanies(probe.company, candidate.name)) reasons.push(reason('similar-company', candidate.name));
  const phone = commonPhone(probe.phones, candidate.phones);
  if (phone) reasons.push(reason('same-phone', phone));
  return reasons;
}

/** Candidates with at least one reason, best first (ties by id, so answers are stable), at most `limit`. */
export function rankMatches<T extends { id: string }>(candidates: readonly T[], reasonsOf: (candidate: T) => MatchReason[], limit = 10): Array<Suggestion<T>> {
  const unique = [...new Map(candidates.map((candidate) => [candidate.id, candidate])).values()];
  return unique
    .map((candidate) => {
      const reasons = reasonsOf(candidate);
      return { candidate, reasons, score: matchScore(reasons) };
    })
    .filter((suggestion) => suggestion.reasons.length > 0)
    .sort((a, b) => b.score - a.score || a.candidate.id.localeCompare(b.candidate.id))
    .slice(0, limit);
}
