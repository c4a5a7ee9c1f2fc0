/** Duplicate detection and merging: suggestions before creating, and merging two records into one. */
import { z } from 'zod';
import { MATCH_REASONS } from '../domain/duplicate-matching';
import { AccountSummary } from './accounts.contract';
import { RecordId, ShortText } from './common';
import { Contact, ContactCreate } from './contacts.contract';

type Loosened<S extends Record<string, z.ZodType>> = {
  [K in keyof S]: z.ZodOptional<S[K] extends z.ZodDefault<infer Inner> ? Inner : S[K]>;
};

/**
 * Every field optional and without its default: an absent field must stay absent (so it can be
 * filled from elsewhere, e.g. from the lead being converted) rather than become `[]` or `prospect`.
 */
export function withoutDefaults<S extends Record<string, z.ZodType>>(shape: S): Loosened<S> {
  const loosened = Object.entries(shape).map(([key, schema]) => [key, z.optional(schema instanceof z.ZodDefault ? schema.unwrap() : schema)]);
  return Object.fromEntries(loosened) as Loosened<S>;
}

export const MatchReason = z
  .object({
    code: z.enum(MATCH_REASONS),
    label: z.string().meta({ description: 'For people: "same e-mail", "same e-mail domain", ...' }),
    value: z.string().meta({ description: 'What matched: the address, the domain, the number or the name.' }),
  })
  .meta({ id: 'MatchReason' });

const Score = z.number().int().min(0).max(100).meta({ description: 'How sure: 100 for the same e-mail; reasons add up as independent evidence.' });

export const ContactMatch = z.object({ contact: Contact, score: Score, reasons: z.array(MatchReason) }).meta({ id: 'ContactMatch' });
export const AccountMatch = z.object({ account: AccountSummary, score: Score, reasons: z.array(MatchReason) }).meta({ id: 'AccountMatch' });

export const MatchSuggestions = z
  .object({
    contacts: z.array(ContactMatch).meta({ description: 'Existing contacts that may be this person, best first.' }),
    accounts: z.array(AccountMatch).meta({ description: 'Existing accounts this person may work for, best first.' }),
  })
  .meta({ id: 'MatchSuggestions' });
export type MatchSuggestions = z.infer<typeof MatchSuggestions>;

/** A contact about to be created (the body of createContact), plus the company name when no account is chosen yet. */
export const DuplicateCheck = z
  .strictObject({ ...withoutDefaults(ContactCreate.shape), company: ShortText(200).optional() })
  .superRefine((probe, ctx) => {
    const something = probe.lastName || probe.company || probe.emails?.length || probe.phones?.length;
    if (!something) ctx.addIssue({ code: 'custom', path: [], message: 'give at least a last name, a company, an e-mail or a phone' });
  })
  .meta({ id: 'DuplicateCheck' });
export type DuplicateCheck = z.infer<typeof DuplicateCheck>;

const Side = z.enum(['survivor', 'duplicate'], { message: 'must be survivor or duplicate' });

const sides = <K extends string>(fields: readonly K[]) =>
  z.strictObject(Object.fromEntries(fields.map((field) => [field, Side.optional()])) as Record<K, z.ZodOptional<typeof Side>>);

export const CONTACT_MERGE_FIELDS = ['firstName', 'lastName', 'jobTitle', 'department', 'accountId', 'address', 'ownerId'] as const;
export const ACCOUNT_MERGE_FIELDS = ['name', 'type', 'industry', 'website', 'phone', 'email', 'address', 'parentAccountId', 'ownerId'] as const;

const fieldsDescription =
  'Which record gives each field. Absent: the survivor\'s value, or the duplicate\'s where the survivor has none. E-mails, phones and domains are always united.';

export const ContactMerge = z
  .strictObject({ duplicateId: RecordId, fields: sides(CONTACT_MERGE_FIELDS).optional().meta({ description: fieldsDescription }) })
  .meta({ id: 'ContactMerge' });
export type ContactMerge = z.infer<typeof ContactMerge>;

export const AccountMerge = z
  .strictObject({ duplicateId: RecordId, fields: sides(ACCOUNT_MERGE_FIELDS).optional().meta({ description: fieldsDescription }) })
  .meta({ id: 'AccountMerge' });
export type AccountMerge = z.infer<typeof AccountMerge>;
