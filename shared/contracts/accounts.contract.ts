import { z } from 'zod';
import { ACCOUNT_SIZES } from '../domain/territory';
import { Address, EmailAddress, IdParams, Keyword, PageQuery, PhoneNumber, RecordId, RecordMeta, RequiredText, ShortText, pageOf } from './common';

export const ACCOUNT_TYPES = ['prospect', 'customer', 'partner', 'competitor'] as const;
export const AccountType = z.enum(ACCOUNT_TYPES, { message: `must be one of ${ACCOUNT_TYPES.join(', ')}` });
export const AccountSize = z.enum(ACCOUNT_SIZES, { message: `must be one of ${ACCOUNT_SIZES.join(', ')} (employees)` });

const Domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, { message: 'must be a domain name like contoso.com' });

const accountFields = {
  name: RequiredText(200),
  type: AccountType,
  industry: ShortText(100).optional(),
  size: AccountSize.optional().meta({ description: 'Number of employees.' }),
  website: z.url({ message: 'must be an http(s) URL', protocol: /^https?$/ }).max(500).optional(),
  phone: PhoneNumber.optional(),
  email: EmailAddress.optional(),
  /** E-mail domains of the company: how an unknown sender is matched to their account. */
  emailDomains: z.array(Domain).max(20, { message: 'must have at most 20 domains' }).optional(),
  address: Address.optional(),
  parentAccountId: RecordId.optional(),
  ownerId: z.string().min(1).max(100).optional(),
};

export const AccountCreate = z.strictObject({ ...accountFields, type: AccountType.default('prospect') }).meta({ id: 'AccountCreate' });
export type AccountCreate = z.infer<typeof AccountCreate>;

/** Merge-patch: absent fields stay as they are; `null` clears an optional field. */
export const AccountUpdate = z
  .strictObject({
    name: accountFields.name.optional(),
    type: AccountType.optional(),
    industry: accountFields.industry.unwrap().nullable().optional(),
    size: AccountSize.nullable().optional(),
    website: accountFields.website.unwrap().nullable().optional(),
    phone: PhoneNumber.nullable().optional(),
    email: EmailAddress.nullable().optional(),
    emailDomains: accountFields.emailDomains.unwrap().nullable().optional(),
    address: Address.nullable().optional(),
    parentAccountId: RecordId.nullable().optional(),
    ownerId: accountFields.ownerId.unwrap().optional(),
  })
  .meta({ id: 'AccountUpdate' });
export type AccountUpdate = z.infer<typeof AccountUpdate>;

export const Account = RecordMeta.extend({
  name: z.string(),
  type: AccountType,
  industry: z.string().optional(),
  size: AccountSize.optional(),
  territoryId: z.string().optional().meta({ description: 'The first territory whose criteria the account meets; set by the server.' }),
  website: z.string().optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
  emailDomains: z.array(z.string()),
  address: Address.optional(),
  parentAccountId: z.string().optional(),
  ownerId: z.string(),
}).meta({ id: 'Account' });
export type Account = z.infer<typeof Account>;

export const AccountSummary = Account.pick({ id: true, name: true, type: true, industry: true, phone: true, website: true, ownerId: true }).meta({ id: 'AccountSummary' });
export type AccountSummary = z.infer<typeof AccountSummary>;

export const AccountListQuery = z.strictObject({
  q: Keyword.optional().meta({ description: 'Keywords matched against name, e-mail, domain and phone; every word must match.' }),
  type: AccountType.optional(),
  industry: ShortText(100).optional(),
  ownerId: z.string().max(100).optional(),
  ...PageQuery,
});
export type AccountListQuery = z.infer<typeof AccountListQuery>;

export const AccountPage = pageOf(Account).meta({ id: 'AccountPage' });
export const AccountIdParams = IdParams;
