/** Leads, their conversion, and the duplicate checks and merges that keep the book clean. */
import { Account, AccountIdParams } from './accounts.contract';
import { Contact, ContactIdParams } from './contacts.contract';
import { AccountMerge, ContactMerge, DuplicateCheck, MatchSuggestions } from './duplicates.contract';
import { defineEndpoint } from './endpoint';
import { Lead, LeadConversionResult, LeadConvert, LeadCreate, LeadIdParams, LeadListQuery, LeadPage, LeadUpdate } from './leads.contract';

export const leadEndpoints = {
  listLeads: defineEndpoint({
    id: 'listLeads', method: 'GET', path: 'leads', tag: 'leads', auth: 'user', status: 200,
    summary: 'Lists leads, newest first, filtered by status, owner, source or keywords, one page at a time.', query: LeadListQuery, response: LeadPage,
  }),
  createLead: defineEndpoint({
    id: 'createLead', method: 'POST', path: 'leads', tag: 'leads', auth: 'user', status: 201, etag: true,
    summary: 'Records a lead.', body: LeadCreate, response: Lead, errors: [403, 413, 415],
  }),
  getLead: defineEndpoint({
    id: 'getLead', method: 'GET', path: 'leads/{id}', tag: 'leads', auth: 'user', status: 200, etag: true,
    summary: 'Reads one lead.', params: LeadIdParams, response: Lead, errors: [404],
  }),
  updateLead: defineEndpoint({
    id: 'updateLead', method: 'PATCH', path: 'leads/{id}', tag: 'leads', auth: 'user', status: 200, etag: true, ifMatch: true,
    summary: 'Changes the given fields of a lead (merge-patch); a converted lead is read-only.', params: LeadIdParams, body: LeadUpdate, response: Lead,
    errors: [403, 404, 409, 412, 428],
  }),
  deleteLead: defineEndpoint({
    id: 'deleteLead', method: 'DELETE', path: 'leads/{id}', tag: 'leads', auth: 'user', status: 204, ifMatch: true,
    summary: 'Deletes a lead (kept as a tombstone).', params: LeadIdParams, errors: [403, 404, 412, 428],
  }),
  getLeadMatches: defineEndpoint({
    id: 'getLeadMatches', method: 'GET', path: 'leads/{id}/matches', tag: 'leads', auth: 'user', status: 200,
    summary: 'Existing contacts and accounts this lead may be, each with a score and the reasons.', params: LeadIdParams, response: MatchSuggestions,
    errors: [404],
  }),
  convertLead: defineEndpoint({
    id: 'convertLead', method: 'POST', path: 'leads/{id}/convert', tag: 'leads', auth: 'user', status: 200, etag: true, ifMatch: true,
    summary:
      'Turns a lead into an account, a contact and optionally an opportunity in one step (new or existing records). Safe to retry: ' +
      'nothing is created twice. 409 when a contact already has one of the e-mails (unless allowDuplicate) or the lead is already converted.',
    params: LeadIdParams, body: LeadConvert, response: LeadConversionResult, errors: [403, 404, 409, 412, 428],
  }),
  checkDuplicates: defineEndpoint({
    id: 'checkDuplicates', method: 'POST', path: 'duplicates/check', tag: 'duplicates', auth: 'user', status: 200,
    summary: 'Before creating a contact: the existing contacts and accounts it may duplicate, each with a score and the reasons.',
    body: DuplicateCheck, response: MatchSuggestions, errors: [413, 415],
  }),
  mergeContacts: defineEndpoint({
    id: 'mergeContacts', method: 'POST', path: 'contacts/{id}/merge', tag: 'duplicates', auth: 'user', status: 200, etag: true, ifMatch: true,
    summary:
      'Merges a duplicate into this contact: e-mails and phones united, activities, deals and timeline moved over, the duplicate ' +
      'deleted with a pointer to this one. If-Match is the survivor\'s ETag. Safe to retry.',
    params: ContactIdParams, body: ContactMerge, response: Contact, errors: [403, 404, 412, 428],
  }),
  mergeAccounts: defineEndpoint({
    id: 'mergeAccounts', method: 'POST', path: 'accounts/{id}/merge', tag: 'duplicates', auth: 'user', status: 200, etag: true, ifMatch: true,
    summary:
      'Merges a duplicate into this account: domains united, contacts, deals, activities, child accounts and timeline moved over, ' +
      'the duplicate deleted with a pointer to this one. If-Match is the survivor\'s ETag. Safe to retry.',
    params: AccountIdParams, body: AccountMerge, response: Account, errors: [403, 404, 412, 428],
  }),
} as const;
