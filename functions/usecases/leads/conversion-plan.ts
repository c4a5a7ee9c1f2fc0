/**
 * What a conversion will create, decided and validated before anything is written: the lead's
 * data as defaults, the caller's choices on top, each checked by the same schema its create
 * endpoint uses, with fields named as in the convert body (`contact.create.emails.0.address`).
 */
import type { z } from 'zod';
import { AccountCreate } from '../../../shared/contracts/accounts.contract';
import { ContactCreate } from '../../../shared/contracts/contacts.contract';
import type { LeadConvert } from '../../../shared/contracts/leads.contract';
import { OpportunityCreate } from '../../../shared/contracts/opportunities.contract';
import { businessDomains } from '../../../shared/domain/duplicate-matching';
import { AppError, type FieldIssue } from '../../../shared/domain/errors';
import { leadFullName, type LeadRecord } from '../../../shared/domain/lead';

export type Choice<C> = { existingId: string } | { create: C };

export interface ConversionPlan {
  account: Choice<AccountCreate>;
  contact: Choice<ContactCreate>;
  opportunity?: OpportunityCreate;
  accountId: string;
  contactId: string;
}

export interface PlanIds {
  /** Ids the new records get (derived from the lead). */
  account: string;
  contact: string;
  /** Owner of whatever is created, unless the body says otherwise. */
  ownerId: string;
}

function valueAt(value: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>((current, key) => (current !== null && typeof current === 'object' ? (current as Record<PropertyKey, unknown>)[key] : undefined), value);
}

function parseAs<S extends z.ZodType>(schema: S, value: Record<string, unknown>, prefix: string): z.infer<S> {
  const defined = Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined));
  const result = schema.safeParse(defined);
  if (result.success) return result.data;
  const issues: FieldIssue[] = result.error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].join('.'),
    message: issue.code === 'invalid_type' && valueAt(defined, issue.path) === undefined ? 'is required (the lead does not have it)' : issue.message,
  }));
  throw new AppError('VALIDATION', `Check ${issues.map((issue) => issue.field).join(', ')}: ${issues[0]?.message ?? 'invalid'}.`, { issues });
}

function whereabouts(lead: LeadRecord) {
  return lead.region || lead.country ? { region: lead.region, country: lead.country } : undefined;
}

function dealName(lead: LeadRecord): string {
  const who = lead.company || leadFullName(lead);
  return lead.productLine ? `${who} – ${lead.productLine}` : who;
}

export function planConversion(lead: LeadRecord, body: LeadConvert, ids: PlanIds): ConversionPlan {
  const address = whereabouts(lead);
  const domains = businessDomains(lead.emails.map((email) => email.address));
  const accountId = body.account.existingId ?? ids.account;
  const contactId = body.contact.existingId ?? ids.contact;
  const account: Choice<AccountCreate> = body.account.create
    ? { create: parseAs(AccountCreate, { name: lead.company, emailDomains: domains.length ? domains : undefined, address, ownerId: ids.ownerId, ...body.account.create }, 'account.create') }
    : { existingId: accountId };
  const contact: Choice<ContactCreate> = body.contact.create
    ? {
        create: parseAs(
          ContactCreate,
          { firstName: lead.firstName, lastName: lead.lastName, jobTitle: lead.jobTitle, emails: lead.emails, phones: lead.phones, address, ownerId: ids.ownerId, ...body.contact.create, accountId },
          'contact.create',
        ),
      }
    : { existingId: contactId };
  const deal = body.opportunity?.create;
  const opportunity = deal
    ? parseAs(
        OpportunityCreate,
        { name: dealName(lead), amount: lead.estimatedAmount, currency: lead.currency, leadSource: lead.source, ownerId: ids.ownerId, ...deal, accountId, contactId },
        'opportunity.create',
      )
    : undefined;
  return { account, contact, opportunity, accountId, contactId };
}
