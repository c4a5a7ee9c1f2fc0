/**
 * What the CRM already holds that an imported row would repeat: contacts by e-mail through the
 * sender-lookup index (one point read per address), accounts by folded name or domain through
 * the keyword search, compared exactly afterwards.
 */
import { accountDomains, type AccountRecord } from '../../../shared/domain/account';
import { contactEmailSet, type ContactRecord } from '../../../shared/domain/contact';
import { websiteHost, type DuplicateKey } from '../../../shared/domain/import-duplicates';
import { isLive, type Versioned } from '../../../shared/domain/record';
import { foldText, normalizeEmail, searchTokens } from '../../../shared/domain/text-normalization';
import type { UseCaseDeps } from '../usecase-context';

export interface ExistingDuplicate {
  key: DuplicateKey;
  id: string;
  name: string;
}

/** Pages of keyword matches read before giving up on an exact one; names are rarely that common. */
const MAX_SEARCH_PAGES = 5;

/** Live contacts carrying the address; the index may list stale ids, so each contact is checked. */
export async function contactsWithEmail(deps: UseCaseDeps, tenantId: string, email: string): Promise<Array<Versioned<ContactRecord>>> {
  const address = normalizeEmail(email);
  const ids = await deps.stores.emailIndex.contactIdsFor(tenantId, address);
  if (ids.length === 0) return [];
  const contacts = await deps.stores.contacts.getMany(tenantId, ids);
  return contacts.filter((contact) => isLive(contact) && contactEmailSet(contact).has(address));
}

async function searchAccounts(deps: UseCaseDeps, tenantId: string, text: string, matches: (account: AccountRecord) => boolean): Promise<Array<Versioned<AccountRecord>>> {
  const keywords = searchTokens(text);
  if (keywords.length === 0) return [];
  const found: Array<Versioned<AccountRecord>> = [];
  let continuation: string | undefined;
  for (let page = 0; page < MAX_SEARCH_PAGES; page += 1) {
    const result = await deps.stores.accounts.list(tenantId, { keywords }, { limit: 100, continuation });
    found.push(...result.items.filter(matches));
    if (!result.continuation) break;
    continuation = result.continuation;
  }
  return found;
}

/** Live accounts whose name folds to the same text ("Société Générale" is "societe generale"), by name. */
export function accountsNamed(deps: UseCaseDeps, tenantId: string, name: string): Promise<Array<Versioned<AccountRecord>>> {
  const folded = foldText(name);
  return searchAccounts(deps, tenantId, name, (account) => foldText(account.name) === folded);
}

export function accountsWithDomain(deps: UseCaseDeps, tenantId: string, domain: string): Promise<Array<Versioned<AccountRecord>>> {
  return searchAccounts(deps, tenantId, domain, (account) => domainsOf(account).includes(domain));
}

function domainsOf(account: AccountRecord): string[] {
  const host = account.website ? websiteHost(account.website) : undefined;
  return [...accountDomains(account), ...(host ? [host] : [])];
}

/**
 * The first existing record sharing one of the row's keys. `ownId` is the id this row's record
 * gets: finding it means an earlier delivery of the job already wrote the row, not a duplicate.
 */
export async function findExistingDuplicate(deps: UseCaseDeps, tenantId: string, keys: DuplicateKey[], ownId?: string): Promise<ExistingDuplicate | undefined> {
  for (const key of keys) {
    const [kind, value = ''] = splitKey(key.key);
    const records =
      kind === 'email'
        ? (await contactsWithEmail(deps, tenantId, value)).map((contact) => ({ id: contact.id, name: [contact.firstName, contact.lastName].filter(Boolean).join(' ') }))
        : (kind === 'name' ? await accountsNamed(deps, tenantId, key.value) : await accountsWithDomain(deps, tenantId, value)).map((account) => ({ id: account.id, name: account.name }));
    const other = records.find((record) => record.id !== ownId);
    if (other) return { key, ...other };
  }
  return undefined;
}

function splitKey(key: string): [string, string] {
  const colon = key.indexOf(':');
  return [key.slice(0, colon), key.slice(colon + 1)];
}
