/**
 * Contacts and accounts as files: CSV with stable, documented columns (the headers the import
 * recognises, so an export maps itself back) and vCard 3.0. Works on the API representation of
 * the records, so whatever a caller may not see through the API is not in the file either:
 * every field is optional here and an absent one is an empty cell.
 */
import { neutralizeFormula, writeCsv, type CsvDelimiter } from './csv';
import { ACCOUNT_HEADERS, CONTACT_HEADERS } from './import-fields';
import { writeVCards, type VCard, type VCardValue } from './vcard';

interface ExportedAddress {
  street?: string;
  city?: string;
  postalCode?: string;
  region?: string;
  country?: string;
}

export interface ExportedContact {
  id: string;
  firstName?: string;
  lastName?: string;
  fullName?: string;
  jobTitle?: string;
  department?: string;
  accountId?: string;
  accountName?: string;
  emails?: Array<{ address: string; label: string }>;
  phones?: Array<{ number: string; label: string }>;
  address?: ExportedAddress;
  ownerId?: string;
  createdAt?: string;
  updatedAt?: string;
}

export interface ExportedAccount {
  id: string;
  name?: string;
  type?: string;
  industry?: string;
  website?: string;
  phone?: string;
  email?: string;
  emailDomains?: string[];
  address?: ExportedAddress;
  parentAccountId?: string;
  ownerId?: string;
  createdAt?: string;
  updatedAt?: string;
}

const C = CONTACT_HEADERS;
const A = ACCOUNT_HEADERS;

/** The contact CSV's columns, in order. Changing them breaks users' spreadsheets: add at the end only. */
export const CONTACT_EXPORT_COLUMNS = [
  'Id', C.firstName, C.lastName, C.jobTitle, C.department, C.company, 'Account id', C.email, C.email2, C.email3, C.personalEmail,
  C.otherEmails, C.phone, C.mobile, C.homePhone, C.otherPhones, C.street, C.city, C.postalCode, C.region, C.country, C.ownerId,
  'Created at', 'Updated at',
];

export const ACCOUNT_EXPORT_COLUMNS = [
  'Id', A.name, A.type, A.industry, A.website, A.phone, A.email, A.emailDomains, A.street, A.city, A.postalCode, A.region,
  A.country, 'Parent account id', A.ownerId, 'Created at', 'Updated at',
];

const LIST_SEPARATOR = '; ';

/**
 * E-mail holds the primary address whatever its label; E-mail 2 and 3 the next work addresses;
 * Personal e-mail the first personal one; Other e-mails all the rest, so none is lost.
 */
function emailCells(emails: Array<{ address: string; label: string }>): string[] {
  const [primary, ...rest] = emails;
  const work = rest.filter((email) => email.label === 'work').slice(0, 2);
  const personal = rest.find((email) => email.label === 'personal');
  const others = rest.filter((email) => !work.includes(email) && email !== personal);
  return [primary?.address ?? '', work[0]?.address ?? '', work[1]?.address ?? '', personal?.address ?? '', others.map((email) => email.address).join(LIST_SEPARATOR)];
}

/** Phone, Mobile and Home phone hold the first number of their label; Other phones the rest. */
function phoneCells(phones: Array<{ number: string; label: string }>): string[] {
  const work = phones.find((phone) => phone.label === 'work');
  const mobile = phones.find((phone) => phone.label === 'mobile');
  const home = phones.find((phone) => phone.label === 'home');
  const others = phones.filter((phone) => phone !== work && phone !== mobile && phone !== home);
  return [work?.number ?? '', mobile?.number ?? '', home?.number ?? '', others.map((phone) => phone.number).join(LIST_SEPARATOR)];
}

function addressCells(address: ExportedAddress | undefined): string[] {
  return [address?.street ?? '', address?.city ?? '', address?.postalCode ?? '', address?.region ?? '', address?.country ?? ''];
}

function toCsv(header: string[], rows: string[][], delimiter: CsvDelimiter): string {
  return writeCsv([header, ...rows.map((row) => row.map(neutralizeFormula))], { delimiter, bom: true });
}

export function contactsToCsv(contacts: ExportedContact[], delimiter: CsvDelimiter = ','): string {
  const rows = contacts.map((contact) => [
    contact.id, contact.firstName ?? '', contact.lastName ?? '', contact.jobTitle ?? '', contact.department ?? '', contact.accountName ?? '',
    contact.accountId ?? '', ...emailCells(contact.emails ?? []), ...phoneCells(contact.phones ?? []), ...addressCells(contact.address),
    contact.ownerId ?? '', contact.createdAt ?? '', contact.updatedAt ?? '',
  ]);
  return toCsv(CONTACT_EXPORT_COLUMNS, rows, delimiter);
}

export function accountsToCsv(accounts: ExportedAccount[], delimiter: CsvDelimiter = ','): string {
  const rows = accounts.map((account) => [
    account.id, account.name ?? '', account.type ?? '', account.industry ?? '', account.website ?? '', account.phone ?? '', account.email ?? '',
    (account.emailDomains ?? []).join(LIST_SEPARATOR), ...addressCells(account.address), account.parentAccountId ?? '', account.ownerId ?? '',
    account.createdAt ?? '', account.updatedAt ?? '',
  ]);
  return toCsv(ACCOUNT_EXPORT_COLUMNS, rows, delimiter);
}

const EMAIL_TYPES: Record<string, string[]> = { work: ['work'], personal: ['home'], other: [] };
const PHONE_TYPES: Record<string, string[]> = { work: ['work', 'voice'], mobile: ['cell'], home: ['home', 'voice'], other: ['voice'] };

export function contactToVCard(contact: ExportedContact): VCard {
  const emails: VCardValue[] = (contact.emails ?? []).map((email, index) => ({
    value: email.address,
    types: [...(EMAIL_TYPES[email.label] ?? []), ...(index === 0 ? ['pref'] : [])],
  }));
  const phones: VCardValue[] = (contact.phones ?? []).map((phone) => ({ value: phone.number, types: PHONE_TYPES[phone.label] ?? [] }));
  const address = contact.address;
  return {
    uid: contact.id,
    name: { family: contact.lastName ?? '', given: contact.firstName ?? '', additional: '', prefix: '', suffix: '' },
    formattedName: contact.fullName ?? [contact.firstName, contact.lastName].filter(Boolean).join(' '),
    organization: contact.accountName,
    department: contact.department,
    title: contact.jobTitle,
    emails,
    phones,
    addresses: address ? [{ street: address.street ?? '', city: address.city ?? '', region: address.region ?? '', postalCode: address.postalCode ?? '', country: address.country ?? '', types: ['work'] }] : [],
  };
}

export function contactsToVCards(contacts: ExportedContact[]): string {
  return writeVCards(contacts.map(contactToVCard));
}
