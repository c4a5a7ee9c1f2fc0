/**
 * What makes two imported records the same: a contact by any of its e-mail addresses, an account
 * by its folded name or any of its domains. Inside one file the first row wins.
 */
import type { ImportEntity } from './import-fields';
import { foldText, normalizeEmail } from './text-normalization';

export interface DuplicateKey {
  key: string;
  /** The field of the row that carries it, as the contract names it (`emails.1.address`). */
  field: string;
  value: string;
}

export interface InFileDuplicate {
  field: string;
  value: string;
  /** The earlier row that has the same value. */
  row: number;
}

interface KeyedInput {
  name?: unknown;
  website?: unknown;
  emailDomains?: unknown;
  emails?: unknown;
}

export function duplicateKeys(entity: ImportEntity, input: KeyedInput): DuplicateKey[] {
  if (entity === 'contact') {
    return listOf(input.emails).flatMap((email, index) => {
      const address = typeof email === 'object' && email !== null ? (email as { address?: unknown }).address : undefined;
      return typeof address === 'string' ? [{ key: `email:${normalizeEmail(address)}`, field: `emails.${index}.address`, value: normalizeEmail(address) }] : [];
    });
  }
  const keys: DuplicateKey[] = [];
  if (typeof input.name === 'string' && foldText(input.name)) keys.push({ key: `name:${foldText(input.name)}`, field: 'name', value: input.name });
  listOf(input.emailDomains).forEach((domain, index) => {
    if (typeof domain === 'string') keys.push({ key: `domain:${domain.toLowerCase()}`, field: `emailDomains.${index}`, value: domain.toLowerCase() });
  });
  const host = typeof input.website === 'string' ? websiteHost(input.website) : undefined;
  if (host) keys.push({ key: `domain:${host}`, field: 'website', value: host });
  return keys;
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** "https://www.Contoso.com/about" → "contoso.com"; undefined when it is not a URL. */
export function websiteHost(website: string): string | undefined {
  try {
    const host = new URL(website).hostname.toLowerCase().replace(/^www\./, '');
    return host || undefined;
  } catch {
    return undefined; // not a URL: validation reports it, it just gives no key
  }
}

/**
 * For every row that repeats a key of an earlier row, that earlier row. Give it only the rows that
 * would be written: an invalid row creates nothing, so it cannot make a later row a duplicate.
 */
export function inFileDuplicates(rows: ReadonlyArray<{ row: number; keys: DuplicateKey[] }>): Map<number, InFileDuplicate> {
  const firstRowOf = new Map<string, number>();
  const duplicates = new Map<number, InFileDuplicate>();
  for (const { row, keys } of rows) {
    const earlier = keys.find((key) => firstRowOf.has(key.key));
    if (earlier) {
      duplicates.set(row, { field: earlier.field, value: earlier.value, row: firstRowOf.get(earlier.key) as number });
      continue; // a skipped row claims nothing
    }
    for (const key of keys) firstRowOf.set(key.key, row);
  }
  return duplicates;
}
