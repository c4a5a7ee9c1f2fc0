/**
 * One row of an uploaded file → the input the create use cases take (before validation), with
 * the column each field came from, so an error can name both (`emails.0.address`, "Courriel").
 */
import type { ImportEntity, ImportMapping } from './import-fields';
import type { ImportRow } from './import-table';
import { foldText } from './text-normalization';

export interface MappedRow {
  row: number;
  /** ContactCreate- or AccountCreate-shaped, not yet validated. */
  candidate: Record<string, unknown>;
  /** Field path as the contract names it (`emails.1`, `address.city`) → column it was read from. */
  sources: Record<string, string>;
  /** Contacts: the company named in the row, resolved to an account when the row is written. */
  company?: string;
}

type Reader = (field: string) => { value: string; column: string } | undefined;

function readerOf(row: ImportRow, mapping: ImportMapping): Reader {
  return (field) => {
    const column = mapping[field];
    const value = column === undefined ? undefined : row.values[column]?.trim();
    return column !== undefined && value ? { value, column } : undefined;
  };
}

export function mapRow(entity: ImportEntity, row: ImportRow, mapping: ImportMapping): MappedRow {
  return entity === 'contact' ? mapContactRow(row, mapping) : mapAccountRow(row, mapping);
}

export function mapContactRow(row: ImportRow, mapping: ImportMapping): MappedRow {
  const read = readerOf(row, mapping);
  const mapped: MappedRow = { row: row.row, candidate: {}, sources: {} };
  mapNames(read, mapped);
  for (const field of ['jobTitle', 'department', 'ownerId']) copy(read, mapped, field, field);
  const emails = listOf(read, mapped, 'emails', [['email', 'work'], ['email2', 'work'], ['email3', 'work'], ['personalEmail', 'personal'], ['otherEmails', 'other']], (value) => value.toLowerCase());
  mapped.candidate.emails = emails.map(([address, label]) => ({ address, label }));
  const phones = listOf(read, mapped, 'phones', [['phone', 'work'], ['mobile', 'mobile'], ['homePhone', 'home'], ['otherPhones', 'other']], (value) => value.replace(/\D/g, ''));
  mapped.candidate.phones = phones.map(([number, label]) => ({ number, label }));
  mapAddress(read, mapped);
  const company = read('company');
  if (company) {
    mapped.company = company.value;
    mapped.sources.accountId = company.column;
  }
  return mapped;
}

/** Last name from its column, or from the full name: "Dupont, Jean" or "Jean Dupont" (last word). */
function mapNames(read: Reader, mapped: MappedRow): void {
  copy(read, mapped, 'firstName', 'firstName');
  if (copy(read, mapped, 'lastName', 'lastName')) return;
  const full = read('fullName');
  if (!full) return;
  const comma = full.value.indexOf(',');
  const [last, first] =
    comma > 0
      ? [full.value.slice(0, comma).trim(), full.value.slice(comma + 1).trim()]
      : [full.value.slice(full.value.lastIndexOf(' ') + 1), full.value.slice(0, Math.max(0, full.value.lastIndexOf(' '))).trim()];
  mapped.candidate.lastName = last;
  mapped.sources.lastName = full.column;
  if (first && mapped.candidate.firstName === undefined) {
    mapped.candidate.firstName = first;
    mapped.sources.firstName = full.column;
  }
}

function copy(read: Reader, mapped: MappedRow, field: string, target: string): boolean {
  const cell = read(field);
  if (!cell) return false;
  mapped.candidate[target] = cell.value;
  mapped.sources[target] = cell.column;
  return true;
}

/**
 * Several columns (and several values per cell, split on `;` or `,`) into one list, in column
 * order, without repeats: an address typed in two columns is one address, not an error.
 */
function listOf(read: Reader, mapped: MappedRow, path: string, fields: Array<[string, string]>, identity: (value: string) => string): Array<[string, string]> {
  const items: Array<[string, string]> = [];
  const seen = new Set<string>();
  for (const [field, label] of fields) {
    const cell = read(field);
    for (const value of cell?.value.split(/[;,]/).map((part) => part.trim()) ?? []) {
      if (!cell || !value || seen.has(identity(value) || value)) continue;
      seen.add(identity(value) || value);
      mapped.sources[`${path}.${items.length}`] = cell.column;
      items.push([value, label]);
    }
  }
  return items;
}

function mapAddress(read: Reader, mapped: MappedRow): void {
  const address: Record<string, string> = {};
  for (const part of ['street', 'city', 'postalCode', 'region', 'country']) {
    const cell = read(part);
    if (!cell) continue;
    address[part] = cell.value;
    mapped.sources[`address.${part}`] = cell.column;
  }
  if (Object.keys(address).length) mapped.candidate.address = address;
}

/** Account types as people write them, in English and French. */
const ACCOUNT_TYPE_WORDS: Record<string, string> = {
  prospect: 'prospect', lead: 'prospect', customer: 'customer', client: 'customer', partner: 'partner', partenaire: 'partner',
  competitor: 'competitor', concurrent: 'competitor',
};

export function mapAccountRow(row: ImportRow, mapping: ImportMapping): MappedRow {
  const read = readerOf(row, mapping);
  const mapped: MappedRow = { row: row.row, candidate: {}, sources: {} };
  for (const field of ['name', 'industry', 'phone', 'email', 'ownerId']) copy(read, mapped, field, field);
  if (copy(read, mapped, 'type', 'type')) {
    const word = foldText(String(mapped.candidate.type));
    // An unknown word is kept as written, so validation names it.
    mapped.candidate.type = ACCOUNT_TYPE_WORDS[word] ?? mapped.candidate.type;
  }
  if (copy(read, mapped, 'website', 'website')) mapped.candidate.website = withScheme(String(mapped.candidate.website));
  const domains = listOf(read, mapped, 'emailDomains', [['emailDomains', '']], (value) => value.toLowerCase());
  if (domains.length) mapped.candidate.emailDomains = domains.map(([domain]) => domain.replace(/^@/, ''));
  mapAddress(read, mapped);
  return mapped;
}

/** "contoso.com" in a Website column means https://contoso.com. */
function withScheme(website: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(website) ? website : `https://${website}`;
}

/**
 * The column a field was read from: its own, its nearest parent's (`emails.0.address` →
 * `emails.0`), or for a whole object or list its first part's (`address` → `address.city`).
 */
export function columnOf(mapped: Pick<MappedRow, 'sources'>, field: string): string | undefined {
  for (let path = field; path; path = path.slice(0, Math.max(0, path.lastIndexOf('.')))) {
    const column = mapped.sources[path];
    if (column !== undefined) return column;
  }
  const part = field ? Object.keys(mapped.sources).find((path) => path.startsWith(`${field}.`)) : undefined;
  return part === undefined ? undefined : mapped.sources[part];
}
