/** Domain records → API representations. The response schemas then strip anything undeclared. */
import type { Account, AccountSummary } from '../../shared/contracts/accounts.contract';
import type { Contact } from '../../shared/contracts/contacts.contract';
import type { AccountRecord } from '../../shared/domain/account';
import { contactFullName, type ContactRecord } from '../../shared/domain/contact';
import type { Page, Versioned } from '../../shared/domain/record';
import { toHttpEtag } from './http-pipeline';

export function toAccount(record: Versioned<AccountRecord>): Account {
  const { tenantId: _tenantId, deletedAt: _deletedAt, etag, ...fields } = record;
  return { ...fields, etag: toHttpEtag(etag) };
}

export function toAccountSummary(record: Versioned<AccountRecord>): AccountSummary {
  const { id, name, type, industry, phone, website, ownerId } = record;
  return { id, name, type, industry, phone, website, ownerId };
}

export function toContact(record: Versioned<ContactRecord>): Contact {
  const { tenantId: _tenantId, deletedAt: _deletedAt, etag, ...fields } = record;
  return { ...fields, fullName: contactFullName(record), etag: toHttpEtag(etag) };
}

export function toPage<T, R>(page: Page<T>, map: (item: T) => R): { items: R[]; continuation: string | null } {
  return { items: page.items.map(map), continuation: page.continuation };
}
