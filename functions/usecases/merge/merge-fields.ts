/**
 * Pure rules of a merge: which value each field of the surviving record takes, and how lists
 * (e-mails, phones, domains) are united so that nothing the duplicate knew is lost.
 */
import { ACCOUNT_MERGE_FIELDS, CONTACT_MERGE_FIELDS } from '../../../shared/contracts/duplicates.contract';
import type { AccountRecord } from '../../../shared/domain/account';
import type { ContactRecord } from '../../../shared/domain/contact';
import { normalizeEmail, phoneDigits } from '../../../shared/domain/text-normalization';

export type Side = 'survivor' | 'duplicate';

/** Kept on merged records: the survivor lists what it absorbed, the tombstone where it went. */
export interface MergeMarks {
  mergedInto?: string;
  mergedFrom?: string[];
}

export function marksOf(record: object): { mergedInto: string | undefined; mergedFrom: string[] } {
  const mergedInto = 'mergedInto' in record && typeof record.mergedInto === 'string' ? record.mergedInto : undefined;
  const from = 'mergedFrom' in record && Array.isArray(record.mergedFrom) ? record.mergedFrom : [];
  return { mergedInto, mergedFrom: from.filter((id): id is string => typeof id === 'string') };
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** Each field from the chosen side; unchosen, the survivor's value, or the duplicate's where the survivor has none. */
export function pickFields<T extends object, K extends keyof T & string>(survivor: T, duplicate: T, fields: readonly K[], choices: Partial<Record<K, Side>>): T {
  const next: T = { ...survivor };
  for (const field of fields) {
    const side = choices[field] ?? (isEmpty(survivor[field]) ? 'duplicate' : 'survivor');
    const value = side === 'duplicate' ? duplicate[field] : survivor[field];
    if (isEmpty(value)) delete next[field];
    else next[field] = value;
  }
  return next;
}

/** The survivor's items first (its primary stays primary), then the duplicate's that it lacks. */
export function unite<T>(first: readonly T[], second: readonly T[], keyOf: (item: T) => string): T[] {
  const seen = new Set(first.map(keyOf));
  const united = [...first];
  for (const item of second) {
    const key = keyOf(item);
    if (seen.has(key)) continue;
    seen.add(key);
    united.push(item);
  }
  return united;
}

export function mergeContactRecords(survivor: ContactRecord, duplicate: ContactRecord, choices: Partial<Record<(typeof CONTACT_MERGE_FIELDS)[number], Side>>): ContactRecord {
  const next = pickFields(survivor, duplicate, CONTACT_MERGE_FIELDS, choices);
  // The copy of the account's name travels with the account link.
  if (next.accountId === undefined) delete next.accountName;
  else if (next.accountId !== survivor.accountId) next.accountName = duplicate.accountName;
  return {
    ...next,
    emails: unite(survivor.emails, duplicate.emails, (email) => normalizeEmail(email.address)),
    phones: unite(survivor.phones, duplicate.phones, (phone) => phoneDigits(phone.number)),
  };
}

export function mergeAccountRecords(survivor: AccountRecord, duplicate: AccountRecord, choices: Partial<Record<(typeof ACCOUNT_MERGE_FIELDS)[number], Side>>): AccountRecord {
  const next = pickFields(survivor, duplicate, ACCOUNT_MERGE_FIELDS, choices);
  // Neither of the two can be the merged account's parent: that would be a loop.
  if (next.parentAccountId === survivor.id || next.parentAccountId === duplicate.id) delete next.parentAccountId;
  return { ...next, emailDomains: unite(survivor.emailDomains, duplicate.emailDomains, (domain) => domain.toLowerCase()) };
}
