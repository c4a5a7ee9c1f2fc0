/**
 * Pure rules about the people on an Outlook item who are not in the CRM yet: the name an "add to
 * CRM" form starts with, from the display name Outlook shows or else from the address, and why an
 * existing contact may be the same person. The use cases fetch candidates and call these.
 */
import { contactMatchReasons, matchScore, MATCH_WEIGHTS, type ContactCandidate, type MatchProbe, type MatchReasonCode } from './duplicate-matching';
import { emailDomain, foldText, normalizeEmail } from './text-normalization';

export interface NamePrefill {
  firstName?: string;
  lastName?: string;
}

/** Mailboxes of a function, not a person: no name can be read from them, and sharing one says nothing. */
const ROLE_MAILBOXES = new Set([
  'info', 'sales', 'support', 'contact', 'hello', 'office', 'admin', 'noreply', 'no-reply', 'donotreply', 'do-not-reply', 'billing',
  'accounts', 'accounting', 'invoices', 'team', 'mail', 'marketing', 'hr', 'jobs', 'careers', 'service', 'help', 'enquiries',
  'inquiries', 'orders', 'webmaster', 'postmaster', 'notifications', 'news', 'newsletter', 'press', 'reception', 'events',
]);

/** Words that belong to the family name that follows them: "Ludwig van Beethoven". */
const NAME_PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'del', 'della', 'da', 'di', 'du', 'la', 'le', 'dos', 'das', 'ter', 'ten', 'bin', 'al']);
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame']);

/** The part of an address before the @, without a +tag, lower case. */
function localPart(address: string): string {
  const normalized = normalizeEmail(address);
  const at = normalized.lastIndexOf('@');
  return (at < 0 ? normalized : normalized.slice(0, at)).replace(/\+.*$/, '');
}

/** The mailbox name when it names a person (not info@, not two letters), else undefined. */
export function personalMailboxName(address: string): string | undefined {
  const local = localPart(address);
  return local.length >= 3 && !ROLE_MAILBOXES.has(local) ? local : undefined;
}

function capitalized(word: string): string {
  return word ? word[0]?.toUpperCase() + word.slice(1) : word;
}

/** "olivia.andersen@x" → Olivia Andersen; a single word ("jsmith", "info") gives nothing, being ambiguous. */
export function nameFromAddress(address: string): NamePrefill {
  if (!address.includes('@')) return {}; // an Exchange X.500 path, not an address
  const local = personalMailboxName(address);
  if (!local) return {};
  const words = local.split(/[._-]+/).map((word) => word.replace(/\d+/g, '')).filter(Boolean);
  if (words.length < 2) return {};
  const [first = '', ...rest] = words;
  const lastName = rest.map(capitalized).join(' ');
  return first.length > 1 ? { firstName: capitalized(first), lastName } : { lastName };
}

/** Quotes, bracketed notes ("(Northwind)", "[EXT]") and an address in angle brackets are not part of a name. */
function cleanDisplayName(name: string): string {
  return name
    .replace(/<[^>]*>/g, ' ')
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/["“”]/g, ' ')
    .replace(/^\s*'|'\s*$/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "Olivia Andersen", "Andersen, Olivia", "Dr. Ludwig van Beethoven": the family name is the last word with its particles. */
function splitPersonName(name: string): NamePrefill {
  const comma = name.indexOf(',');
  if (comma >= 0) {
    const [lastName, firstName] = [name.slice(0, comma).trim(), name.slice(comma + 1).trim()];
    if (!lastName) return firstName ? { lastName: firstName } : {};
    return firstName ? { firstName, lastName } : { lastName };
  }
  const words = name.split(' ').filter(Boolean);
  while (words.length > 1 && HONORIFICS.has(foldText(words[0] ?? '').replace(/\.$/, ''))) words.shift();
  if (words.length === 1) return { lastName: words[0] };
  let lastStart = words.length - 1;
  while (lastStart > 1 && NAME_PARTICLES.has(foldText(words[lastStart - 1] ?? ''))) lastStart -= 1;
  return { firstName: words.slice(0, lastStart).join(' '), lastName: words.slice(lastStart).join(' ') };
}

/** The name to start an "add to CRM" form with: the display name when it is one, else read from the address. */
export function prefillName(displayName: string | undefined, address: string): NamePrefill {
  const cleaned = cleanDisplayName(displayName ?? '');
  if (!cleaned) return nameFromAddress(address);
  if (cleaned.includes('@')) return nameFromAddress(cleaned);
  return splitPersonName(cleaned);
}

/** "olivia.andersen" or "oandersen" say who it is; "john" or "jsmith" are shared by too many people. */
function distinctiveMailbox(mailbox: string): boolean {
  return /[._-]/.test(mailbox) || mailbox.length >= 8;
}

/** One of the candidate's addresses with the same distinctive mailbox name at another domain: the person writing from elsewhere. */
export function alternateAddress(address: string, candidateEmails: readonly string[]): string | undefined {
  const mailbox = personalMailboxName(address);
  if (!mailbox || !distinctiveMailbox(mailbox)) return undefined;
  const domain = emailDomain(address);
  return candidateEmails.find((other) => personalMailboxName(other) === mailbox && emailDomain(other) !== domain);
}

const REASON_NAMES: Record<MatchReasonCode, string> = {
  'same-email': 'same-email',
  'same-domain': 'email-domain',
  'same-phone': 'same-phone',
  'similar-name': 'similar-name',
  'similar-company': 'similar-company',
};

/** The strongest reason, as the pane names it ('email-domain' for an account owning the address's domain). */
export function strongestReason(reasons: ReadonlyArray<{ code: MatchReasonCode }>): string | undefined {
  const best = [...reasons].sort((a, b) => MATCH_WEIGHTS[b.code] - MATCH_WEIGHTS[a.code])[0];
  return best ? REASON_NAMES[best.code] : undefined;
}

/** How likely an existing contact is the participant (0–100) and why; null when nothing points to them. */
export function participantContactMatch(probe: MatchProbe, candidate: ContactCandidate): { score: number; reason: string } | null {
  const reasons = contactMatchReasons(probe, candidate);
  const alternate = probe.emails.some((address) => alternateAddress(address, candidate.emails) !== undefined);
  if (alternate) {
    // The same mailbox name elsewhere is strong evidence on its own (a personal address), stronger with a similar name.
    return { score: Math.round(100 - (100 - matchScore(reasons)) * 0.2), reason: 'alternate-email' };
  }
  const reason = strongestReason(reasons);
  return reason ? { score: matchScore(reasons), reason } : null;
}
