/**
 * An uploaded file as a table: named columns and numbered rows. CSV gives its own header row;
 * vCards are flattened into the columns our CSV export writes, so one mapping step serves both.
 */
import { parseCsv, restoreNeutralized, type CsvDelimiter } from './csv';
import { CONTACT_HEADERS } from './import-fields';
import { parseVCards, type VCard } from './vcard';

export interface ImportRow {
  /** 1-based position among the data records (the first record under the header is row 1). */
  row: number;
  /** Column → cell text; missing cells are absent. */
  values: Record<string, string>;
}

export interface ImportTable {
  columns: string[];
  /** Blank records are left out; row numbers still count them, so they match the file. */
  rows: ImportRow[];
}

/** The first record is the header. Blank headers and repeated ones get distinct names. */
export function tableFromCsv(text: string, delimiter?: CsvDelimiter): ImportTable {
  const [header = [], ...records] = parseCsv(text, delimiter);
  const width = records.reduce((widest, record) => Math.max(widest, record.length), header.length);
  const columns = uniqueColumnNames(Array.from({ length: width }, (_, index) => header[index] ?? ''));
  const rows: ImportRow[] = [];
  records.forEach((record, index) => {
    if (record.every((cell) => cell.trim() === '')) return;
    const values: Record<string, string> = {};
    record.forEach((cell, column) => {
      const name = columns[column];
      if (name !== undefined) values[name] = restoreNeutralized(cell);
    });
    rows.push({ row: index + 1, values });
  });
  return { columns, rows };
}

function uniqueColumnNames(headers: string[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((raw, index) => {
    const base = raw.trim() || `Column ${index + 1}`;
    const count = (seen.get(base.toLowerCase()) ?? 0) + 1;
    seen.set(base.toLowerCase(), count);
    return count === 1 ? base : `${base} (${count})`;
  });
}

const H = CONTACT_HEADERS;
/** The columns a vCard fills, in the order our contact export writes them. */
const VCARD_COLUMNS = [
  H.firstName, H.lastName, H.fullName, H.jobTitle, H.department, H.company, H.email, H.email2, H.email3, H.personalEmail,
  H.otherEmails, H.phone, H.mobile, H.homePhone, H.otherPhones, H.street, H.city, H.postalCode, H.region, H.country,
];

export function tableFromVCards(text: string): ImportTable {
  const rows = parseVCards(text).map((card, index) => ({ row: index + 1, values: vcardValues(card) }));
  return { columns: [...VCARD_COLUMNS], rows };
}

function vcardValues(card: VCard): Record<string, string> {
  const values: Record<string, string> = {
    [H.firstName]: card.name?.given ?? '',
    [H.lastName]: card.name?.family ?? '',
    [H.fullName]: card.formattedName ?? '',
    [H.jobTitle]: card.title ?? '',
    [H.department]: card.department ?? '',
    [H.company]: card.organization ?? '',
    ...emailColumns(card),
    ...phoneColumns(card),
  };
  const address = card.addresses.find((candidate) => candidate.types.includes('work')) ?? card.addresses[0];
  if (address) {
    Object.assign(values, { [H.street]: address.street, [H.city]: address.city, [H.postalCode]: address.postalCode, [H.region]: address.region, [H.country]: address.country });
  }
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== ''));
}

/** Home addresses go to "Personal e-mail", the first three others to E-mail 1-3, the rest to "Other e-mails". */
function emailColumns(card: VCard): Record<string, string> {
  const ordered = [...card.emails].sort((a, b) => Number(b.types.includes('pref')) - Number(a.types.includes('pref')));
  const personal = ordered.find((email) => email.types.includes('home'));
  const others = ordered.filter((email) => email !== personal).map((email) => email.value);
  return {
    [H.email]: others[0] ?? '',
    [H.email2]: others[1] ?? '',
    [H.email3]: others[2] ?? '',
    [H.personalEmail]: personal?.value ?? '',
    [H.otherEmails]: others.slice(3).join('; '),
  };
}

/** CELL goes to Mobile, HOME to Home phone, the first other number to Phone, the rest to "Other phones". */
function phoneColumns(card: VCard): Record<string, string> {
  const mobile = card.phones.find((phone) => phone.types.includes('cell'));
  const home = card.phones.find((phone) => phone !== mobile && phone.types.includes('home'));
  const rest = card.phones.filter((phone) => phone !== mobile && phone !== home).map((phone) => phone.value);
  return {
    [H.phone]: rest[0] ?? '',
    [H.mobile]: mobile?.value ?? '',
    [H.homePhone]: home?.value ?? '',
    [H.otherPhones]: rest.slice(1).join('; '),
  };
}
