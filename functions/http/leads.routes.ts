import { api } from '../../shared/contracts/api.contract';
import type { MatchSuggestions } from '../../shared/contracts/duplicates.contract';
import type { Lead } from '../../shared/contracts/leads.contract';
import { AppError, type FieldIssue } from '../../shared/domain/errors';
import { leadFullName, type LeadRecord } from '../../shared/domain/lead';
import type { Principal } from '../../shared/domain/principal';
import type { Versioned } from '../../shared/domain/record';
import type { AppServices } from '../app-services';
import { convertLead } from '../usecases/leads/convert-lead.usecase';
import { createLead } from '../usecases/leads/create-lead.usecase';
import { deleteLead } from '../usecases/leads/delete-lead.usecase';
import { findLeadMatches } from '../usecases/leads/lead-matches.usecase';
import { getLead, listLeads } from '../usecases/leads/read-leads.usecase';
import { updateLead } from '../usecases/leads/update-lead.usecase';
import { findMatches, type MatchResult } from '../usecases/merge/find-matches.usecase';
import { mergeAccounts } from '../usecases/merge/merge-accounts.usecase';
import { mergeContacts } from '../usecases/merge/merge-contacts.usecase';
import { bind, callOf } from './endpoint-binding';
import { toHttpEtag } from './http-pipeline';
import { toOpportunity } from './opportunities.routes';
import { toAccount, toAccountSummary, toContact, toPage } from './record-mappers';

export function toLead(record: Versioned<LeadRecord>): Lead {
  const { tenantId: _tenantId, deletedAt: _deletedAt, etag, ...fields } = record;
  return { ...fields, fullName: leadFullName(record), etag: toHttpEtag(etag) };
}

function toMatchSuggestions(result: MatchResult): MatchSuggestions {
  return {
    contacts: result.contacts.map(({ candidate, score, reasons }) => ({ contact: toContact(candidate), score, reasons })),
    accounts: result.accounts.map(({ candidate, score, reasons }) => ({ account: toAccountSummary(candidate), score, reasons })),
  };
}

/**
 * A merge sets a survivor's field by choosing the duplicate's value (`fields: { jobTitle:
 * 'duplicate' }`): a field choice, not a field in a write body, so the pipeline cannot see it.
 */
async function refuseLockedFields(services: AppServices, principal: Principal | undefined, sets: Array<{ entity: string; fields: string[]; prefix: string }>) {
  if (!principal) return;
  const policy = await services.fieldPolicy(principal);
  const issues: FieldIssue[] = sets.flatMap(({ entity, fields, prefix }) => {
    const locked = policy.locked(entity);
    return fields.filter((field) => locked.has(field)).map((field) => ({ field: `${prefix}.${field}`, message: 'your role may not change this field' }));
  });
  if (issues.length) throw new AppError('FORBIDDEN', `Your role may not set ${issues.map((issue) => issue.field).join(', ')}.`, { issues });
}

/** Taking the duplicate's value changes that field of the survivor. */
function chosenFromDuplicate(entity: string, fields: Record<string, string | undefined> | undefined) {
  return [{ entity, fields: Object.entries(fields ?? {}).filter(([, side]) => side === 'duplicate').map(([field]) => field), prefix: 'fields' }];
}

export const leadRoutes = [
  bind(api.listLeads, async (input) => ({ body: toPage(await listLeads(callOf(input), input.query), toLead) })),
  bind(api.createLead, async (input) => {
    const lead = await createLead(callOf(input), input.body);
    return { body: toLead(lead), etag: lead.etag, headers: { Location: `/api/leads/${lead.id}` } };
  }),
  bind(api.getLead, async (input) => {
    const lead = await getLead(callOf(input), input.params.id);
    return { body: toLead(lead), etag: lead.etag };
  }),
  bind(api.updateLead, async (input) => {
    const lead = await updateLead(callOf(input), input.params.id, input.body, input.ifMatch);
    return { body: toLead(lead), etag: lead.etag };
  }),
  bind(api.deleteLead, async (input) => {
    await deleteLead(callOf(input), input.params.id, input.ifMatch);
    return {};
  }),
  bind(api.getLeadMatches, async (input) => {
    return { body: toMatchSuggestions(await findLeadMatches(callOf(input), input.params.id)) };
  }),
  bind(api.convertLead, async (input) => {
    const result = await convertLead(callOf(input), input.params.id, input.body, input.ifMatch);
    const body = {
      lead: toLead(result.lead),
      account: toAccount(result.account),
      contact: toContact(result.contact),
      opportunity: result.opportunity ? toOpportunity(result.opportunity) : null,
    };
    return { body, etag: result.lead.etag };
  }),
  bind(api.checkDuplicates, async (input) => {
    const { firstName, lastName, company, accountId, emails, phones } = input.body;
    const probe = { firstName, lastName, company, accountId, emails: (emails ?? []).map((email) => email.address), phones: (phones ?? []).map((phone) => phone.number) };
    return { body: toMatchSuggestions(await findMatches(callOf(input), probe)) };
  }),
  bind(api.mergeContacts, async (input) => {
    await refuseLockedFields(input.services, input.principal, chosenFromDuplicate('contact', input.body.fields));
    const contact = await mergeContacts(callOf(input), input.params.id, input.body, input.ifMatch);
    return { body: toContact(contact), etag: contact.etag };
  }),
  bind(api.mergeAccounts, async (input) => {
    await refuseLockedFields(input.services, input.principal, chosenFromDuplicate('account', input.body.fields));
    const account = await mergeAccounts(callOf(input), input.params.id, input.body, input.ifMatch);
    return { body: toAccount(account), etag: account.etag };
  }),
];
