import { z } from 'zod';
import { AccountSummary } from './accounts.contract';
import { Address, EmailAddress, IdParams, Keyword, PageQuery, PhoneNumber, RecordId, RecordMeta, RequiredText, ShortText, pageOf } from './common';

export const EMAIL_LABELS = ['work', 'personal', 'other'] as const;
export const PHONE_LABELS = ['work', 'mobile', 'home', 'other'] as const;

export const ContactEmail = z.strictObject({
  address: EmailAddress,
  label: z.enum(EMAIL_LABELS).default('work'),
});
export const ContactPhone = z.strictObject({
  number: PhoneNumber,
  label: z.enum(PHONE_LABELS).default('work'),
});

/** Several addresses per person; the first is the primary. The same address twice is a mistake. */
const Emails = z
  .array(ContactEmail)
  .max(10, { message: 'must have at most 10 addresses' })
  .superRefine((emails, ctx) => {
    const seen = new Set<string>();
    emails.forEach((email, index) => {
      if (seen.has(email.address)) {
        ctx.addIssue({ code: 'custom', path: [index, 'address'], message: 'appears twice in this contact' });
      }
      seen.add(email.address);
    });
  });
const Phones = z.array(ContactPhone).max(10, { message: 'must have at most 10 numbers' });

const contactFields = {
  firstName: ShortText(100).optional(),
  lastName: RequiredText(100),
  jobTitle: ShortText(150).optional(),
  department: ShortText(100).optional(),
  accountId: RecordId.optional(),
  emails: Emails.default([]),
  phones: Phones.default([]),
  address: Address.optional(),
  ownerId: z.string().min(1).max(100).optional(),
};

export const ContactCreate = z.strictObject(contactFields).meta({ id: 'ContactCreate' });
export type ContactCreate = z.infer<typeof ContactCreate>;

export const ContactUpdate = z
  .strictObject({
    firstName: contactFields.firstName.unwrap().nullable().optional(),
    lastName: contactFields.lastName.optional(),
    jobTitle: contactFields.jobTitle.unwrap().nullable().optional(),
    department: contactFields.department.unwrap().nullable().optional(),
    accountId: RecordId.nullable().optional(),
    emails: Emails.optional(),
    phones: Phones.optional(),
    address: Address.nullable().optional(),
    ownerId: contactFields.ownerId.unwrap().optional(),
  })
  .meta({ id: 'ContactUpdate' });
export type ContactUpdate = z.infer<typeof ContactUpdate>;

export const Contact = RecordMeta.extend({
  firstName: z.string().optional(),
  lastName: z.string(),
  fullName: z.string(),
  jobTitle: z.string().optional(),
  department: z.string().optional(),
  accountId: z.string().optional(),
  accountName: z.string().optional().meta({ description: "The account's name, kept in step when the account is renamed." }),
  emails: z.array(z.object({ address: z.string(), label: z.enum(EMAIL_LABELS) })),
  phones: z.array(z.object({ number: z.string(), label: z.enum(PHONE_LABELS) })),
  address: Address.optional(),
  ownerId: z.string(),
}).meta({ id: 'Contact' });
export type Contact = z.infer<typeof Contact>;

export const ContactListQuery = z.strictObject({
  q: Keyword.optional().meta({ description: 'Keywords matched against name, e-mail, company and phone; every word must match.' }),
  accountId: RecordId.optional(),
  ownerId: z.string().max(100).optional(),
  ...PageQuery,
});
export type ContactListQuery = z.infer<typeof ContactListQuery>;
export const ContactPage = pageOf(Contact).meta({ id: 'ContactPage' });
export const ContactIdParams = IdParams;

export const ContactLookupQuery = z.strictObject({ email: EmailAddress });
export const ContactLookupResult = z
  .object({
    email: z.string(),
    matches: z.array(z.object({ contact: Contact, account: AccountSummary.nullable() })),
  })
  .meta({ id: 'ContactLookupResult' });
export type ContactLookupResult = z.infer<typeof ContactLookupResult>;
