import type { RecordBase } from './record';
import type { AccountSize } from './territory';
import { buildSearchText, buildSortKey, emailDomain } from './text-normalization';

export type AccountType = 'prospect' | 'customer' | 'partner' | 'competitor';

export interface Address {
  street?: string;
  city?: string;
  postalCode?: string;
  region?: string;
  country?: string;
}

export interface AccountRecord extends RecordBase {
  name: string;
  type: AccountType;
  industry?: string;
  size?: AccountSize;
  /** Derived from the tenant's territories when the account is saved. */
  territoryId?: string;
  website?: string;
  phone?: string;
  email?: string;
  emailDomains: string[];
  address?: Address;
  parentAccountId?: string;
  ownerId: string;
}

export function accountSortKey(account: Pick<AccountRecord, 'name' | 'id'>): string {
  return buildSortKey(account.name, account.id);
}

export function accountSearchText(account: AccountRecord): string {
  return buildSearchText(
    [account.name, account.email, ...account.emailDomains, account.website, account.industry, account.address?.city],
    [account.phone],
  );
}

/** The domains that identify the company's people: declared domains plus its own e-mail's. */
export function accountDomains(account: Pick<AccountRecord, 'emailDomains' | 'email'>): string[] {
  const domains = new Set(account.emailDomains);
  if (account.email) domains.add(emailDomain(account.email));
  return [...domains];
}
