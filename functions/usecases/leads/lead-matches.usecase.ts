import type { MatchProbe } from '../../../shared/domain/duplicate-matching';
import type { LeadRecord } from '../../../shared/domain/lead';
import { findMatches, type MatchResult } from '../merge/find-matches.usecase';
import type { UseCaseCall } from '../usecase-context';
import { getLead } from './read-leads.usecase';

export function probeOfLead(lead: LeadRecord): MatchProbe {
  return {
    firstName: lead.firstName,
    lastName: lead.lastName,
    company: lead.company,
    emails: lead.emails.map((email) => email.address),
    phones: lead.phones.map((phone) => phone.number),
  };
}

/** Who this lead may already be in the CRM: what to link it to when converting. */
export async function findLeadMatches(call: UseCaseCall, leadId: string): Promise<MatchResult> {
  return findMatches(call, probeOfLead(await getLead(call, leadId)));
}
