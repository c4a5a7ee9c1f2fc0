import { z } from 'zod';
import { LEAD_SOURCES, LEAD_STATUSES, LEAD_TYPES, SETTABLE_LEAD_STATUSES } from '../domain/lead';
import { Account, AccountCreate } from './accounts.contract';
import { IdParams, Keyword, PageQuery, RecordId, RecordMeta, RequiredText, ShortText, pageOf } from './common';
import { Contact, ContactCreate, EMAIL_LABELS, PHONE_LABELS } from './contacts.contract';
import { withoutDefaults } from './duplicates.contract';
import { Opportunity, OpportunityCreate } from './opportunities.contract';

const LeadSource = z.enum(LEAD_SOURCES, { message: `must be one of ${LEAD_SOURCES.join(', ')}` });
const LeadType = z.enum(LEAD_TYPES, { message: `must be one of ${LEAD_TYPES.join(', ')}` });
const LeadStatus = z.enum(LEAD_STATUSES, { message: `must be one of ${LEAD_STATUSES.join(', ')}` });
const SettableStatus = z.enum(SETTABLE_LEAD_STATUSES, { message: `must be one of ${SETTABLE_LEAD_STATUSES.join(', ')} (converting is its own step)` });

const leadFields = {
  firstName: ShortText(100).optional(),
  lastName: RequiredText(100),
  company: ShortText(200).optional(),
  jobTitle: ShortText(150).optional(),
  emails: ContactCreate.shape.emails,
  phones: ContactCreate.shape.phones,
  source: LeadSource.optional(),
  productLine: ShortText(100).optional(),
  estimatedAmount: OpportunityCreate.shape.amount.unwrap().optional(),
  currency: OpportunityCreate.shape.currency.unwrap().optional(),
  region: ShortText(100).optional(),
  country: ShortText(100).optional(),
  leadType: LeadType.optional(),
  status: SettableStatus.default('new'),
  disqualifiedReason: RequiredText(500).optional(),
  ownerId: z.string().min(1).max(100).optional(),
  notes: ShortText(4000).optional(),
};

export const LeadCreate = z.strictObject(leadFields).meta({ id: 'LeadCreate' });
export type LeadCreate = z.infer<typeof LeadCreate>;

/** Merge-patch: absent fields stay; `null` clears an optional field. */
export const LeadUpdate = z
  .strictObject({
    firstName: leadFields.firstName.unwrap().nullable().optional(),
    lastName: leadFields.lastName.optional(),
    company: leadFields.company.unwrap().nullable().optional(),
    jobTitle: leadFields.jobTitle.unwrap().nullable().optional(),
    emails: leadFields.emails.unwrap().optional(),
    phones: leadFields.phones.unwrap().optional(),
    source: LeadSource.nullable().optional(),
    productLine: leadFields.productLine.unwrap().nullable().optional(),
    estimatedAmount: leadFields.estimatedAmount.unwrap().nullable().optional(),
    currency: leadFields.currency.unwrap().nullable().optional(),
    region: leadFields.region.unwrap().nullable().optional(),
    country: leadFields.country.unwrap().nullable().optional(),
    leadType: LeadType.nullable().optional(),
    status: SettableStatus.optional(),
    disqualifiedReason: leadFields.disqualifiedReason.unwrap().nullable().optional(),
    ownerId: leadFields.ownerId.unwrap().optional(),
    notes: leadFields.notes.unwrap().nullable().optional(),
  })
  .meta({ id: 'LeadUpdate' });
export type LeadUpdate = z.infer<typeof LeadUpdate>;

export const LeadConversion = z
  .object({
    accountId: z.string(),
    contactId: z.string(),
    opportunityId: z.string().optional(),
    convertedAt: z.iso.datetime(),
    convertedBy: z.string(),
  })
  .meta({ id: 'LeadConversion' });

export const Lead = RecordMeta.extend({
  firstName: z.string().optional(),
  lastName: z.string(),
  fullName: z.string(),
  company: z.string().optional(),
  jobTitle: z.string().optional(),
  emails: z.array(z.object({ address: z.string(), label: z.enum(EMAIL_LABELS) })),
  phones: z.array(z.object({ number: z.string(), label: z.enum(PHONE_LABELS) })),
  source: LeadSource.optional(),
  productLine: z.string().optional(),
  estimatedAmount: z.number().optional(),
  currency: z.string().optional(),
  region: z.string().optional(),
  country: z.string().optional(),
  leadType: LeadType.optional(),
  status: LeadStatus,
  disqualifiedReason: z.string().optional(),
  ownerId: z.string(),
  notes: z.string().optional(),
  conversion: LeadConversion.optional().meta({ description: 'Set when converted: the records the lead became.' }),
}).meta({ id: 'Lead' });
export type Lead = z.infer<typeof Lead>;

export const LeadListQuery = z.strictObject({
  q: Keyword.optional().meta({ description: 'Keywords matched against name, company, e-mail and phone; every word must match.' }),
  status: LeadStatus.optional(),
  ownerId: z.string().max(100).optional(),
  source: LeadSource.optional(),
  ...PageQuery,
});
export type LeadListQuery = z.infer<typeof LeadListQuery>;
export const LeadPage = pageOf(Lead).meta({ id: 'LeadPage' });
export const LeadIdParams = IdParams;

/** Either an existing record or a new one; fields of a new one default to the lead's. */
function existingOrCreate<C extends z.ZodType>(create: C) {
  return z
    .strictObject({ existingId: RecordId.optional(), create: create.optional() })
    .superRefine((choice, ctx) => {
      if ((choice.existingId === undefined) === (choice.create === undefined)) {
        ctx.addIssue({ code: 'custom', path: [], message: 'give either existingId or create' });
      }
    });
}

const { accountId: _accountId, ...contactShape } = ContactCreate.shape;
// The deal of a fresh lead is open: its account, contact and source come from the conversion itself.
const { accountId: _dealAccount, contactId: _dealContact, leadSource: _leadSource, lossReason: _loss, winReason: _win, ...opportunityShape } = OpportunityCreate.shape;

export const LeadConvert = z
  .strictObject({
    account: existingOrCreate(z.strictObject(withoutDefaults(AccountCreate.shape)).meta({ id: 'ConvertedAccount' })).meta({
      description: 'The company: an existing account, or a new one (name from the lead\'s company, domain from its e-mail).',
    }),
    contact: existingOrCreate(z.strictObject(withoutDefaults(contactShape)).meta({ id: 'ConvertedContact' })).meta({
      description: 'The person: an existing contact, or a new one at the account (names, e-mails and phones from the lead).',
    }),
    opportunity: z
      .strictObject({ create: z.strictObject(withoutDefaults(opportunityShape)).meta({ id: 'ConvertedOpportunity' }) })
      .optional()
      .meta({ description: 'A deal at the account with the contact as primary contact (amount and currency from the lead).' }),
    allowDuplicate: z.boolean().default(false).meta({ description: 'Create the contact even though a contact has one of its e-mails.' }),
  })
  .meta({ id: 'LeadConvert' });
export type LeadConvert = z.infer<typeof LeadConvert>;

export const LeadConversionResult = z
  .object({ lead: Lead, account: Account, contact: Contact, opportunity: Opportunity.nullable() })
  .meta({ id: 'LeadConversionResult' });
export type LeadConversionResult = z.infer<typeof LeadConversionResult>;
