import type { Address } from './account';
import type { RecordBase } from './record';
import { buildSearchText, buildSortKey, normalizeEmail } from './text-normalization';

export type EmailLabel = 'work' | 'personal' | 'other';
export type PhoneLabel = 'work' | 'mobile' | 'home' | 'other';

export interface ContactRecord extends RecordBase {
  firstName?: string;
  lastName: string;
  jobTitle?: string;
  department?: string;
  accountId?: string;
  /** Copy of the account's name for search and display; kept in step by a change-feed job. */
  accountName?: string;
  emails: Array<{ address: string; label: EmailLabel }>;
  phones: Array<{ number: string; label: PhoneLabel }>;
  address?: Address;
  ownerId: string;
}

export function contactFullName(contact: Pick<ContactRecord, 'firstName' | 'lastName'>): string {
  return [contact.firstName, contact.lastName].filter(Boolean).join(' ');
}

/** Contacts sort by last name, then first name, as a directory does. */
export function contactSortKey(contact: Pick<ContactRecord, 'firstName' | 'lastName' | 'id'>): string {
  return buildSortKey(`${contact.lastName} ${contact.firstName ?? ''}`, contact.id);
}

export function contactSearchText(contact: ContactRecord): string {
  return buildSearchText(
    [contact.firstName, contact.lastName, contact.jobTitle, contact.accountName, ...contact.emails.map((email) => email.address)],
    contact.phones.map((phone) => phone.number),
  );
}

export function contactEmailSet(contact: Pick<ContactRecord, 'emails'>): Set<string> {
  return new Set(contact.emails.map((email) => normalizeEmail(email.address)));
}

/** Which lookup entries a change of e-mails needs: add before the write, remove after it. */
export function emailChanges(before: Set<string>, after: Set<string>): { added: string[]; removed: string[] } {
  return {
    added: [...after].filter((email) => !before.has(email)),
    removed: [...before].filter((email) => !after.has(email)),
  };
}
