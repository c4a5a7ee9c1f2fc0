/**
 * Fetches the records worth scoring against a probe, with point reads and a few bounded
 * keyword queries; which of them really match is decided by the pure rules, not here.
 */
import { accountDomains, type AccountRecord } from '../../../shared/domain/account';
import type { ContactRecord } from '../../../shared/domain/contact';
import { businessDomains, companyTokens, type MatchProbe } from '../../../shared/domain/duplicate-matching';
import { isLive, type Versioned } from '../../../shared/domain/record';
import { normalizeEmail, searchTokens } from '../../../shared/domain/text-normalization';
import type { UseCaseDeps } from '../usecase-context';

/** Records per query: enough for any real duplicate, bounded so a common name costs little. */
const PER_QUERY = 25;
/** At most this many e-mails, phones and domains of a probe are looked up. */
const PER_KIND = 5;

type Contacts = Array<Versioned<ContactRecord>>;
type Accounts = Array<Versioned<AccountRecord>>;

function live<T extends { deletedAt: string | null; id: string }>(records: T[]): T[] {
  return [...new Map(records.filter(isLive).map((record) => [record.id, record])).values()];
}

/** The longest word says most about a company ("northwind" rather than "traders"). */
function companyKeyword(company: string | undefined): string | undefined {
  return company ? companyTokens(company).sort((a, b) => b.length - a.length)[0] : undefined;
}

export async function accountCandidates(deps: UseCaseDeps, tenantId: string, probe: MatchProbe): Promise<Accounts> {
  const keyword = companyKeyword(probe.company);
  const searches: string[][] = [
    ...businessDomains(probe.emails).slice(0, PER_KIND).map((domain) => [domain]),
    ...(keyword ? [[keyword]] : []),
    ...probe.phones.slice(0, PER_KIND).map(searchTokens),
  ];
  const pages = await Promise.all(searches.map((keywords) => deps.stores.accounts.list(tenantId, { keywords }, { limit: PER_QUERY })));
  const named = probe.accountId ? await deps.stores.accounts.getMany(tenantId, [probe.accountId]) : [];
  return live([...named, ...pages.flatMap((page) => page.items)]);
}

/** Contacts by e-mail (the index, one point read per address), at the candidate accounts, by last name and by phone. */
export async function contactCandidates(deps: UseCaseDeps, tenantId: string, probe: MatchProbe, accountIds: string[]): Promise<Contacts> {
  const { contacts, emailIndex } = deps.stores;
  const emails = [...new Set(probe.emails.map(normalizeEmail))].slice(0, PER_KIND);
  const indexed = (await Promise.all(emails.map((email) => emailIndex.contactIdsFor(tenantId, email)))).flat();
  const searches = [
    ...(probe.lastName ? [searchTokens(probe.lastName)] : []),
    ...probe.phones.slice(0, PER_KIND).map(searchTokens),
  ].filter((keywords) => keywords.length > 0);
  const [byEmail, pages] = await Promise.all([
    contacts.getMany(tenantId, indexed),
    Promise.all([
      ...searches.map((keywords) => contacts.list(tenantId, { keywords }, { limit: PER_QUERY })),
      ...accountIds.slice(0, PER_KIND).map((accountId) => contacts.list(tenantId, { accountId }, { limit: PER_QUERY * 2 })),
    ]),
  ]);
  return live([...byEmail, ...pages.flatMap((page) => page.items)]);
}

/** The accounts' domains as the matching rules take them. */
export function toAccountCandidate(account: AccountRecord) {
  return { id: account.id, name: account.name, domains: accountDomains(account), phones: account.phone ? [account.phone] : [] };
}

export function toContactCandidate(contact: ContactRecord) {
  return {
    id: contact.id,
    firstName: contact.firstName,
    lastName: contact.lastName,
    accountId: contact.accountId,
    accountName: contact.accountName,
    emails: contact.emails.map((email) => email.address),
    phones: contact.phones.map((phone) => phone.number),
  };
}
