/** Every endpoint of the API. Adding one here is what makes it exist, documented, on both sides. */
import { z } from 'zod';
import {
  Account,
  AccountCreate,
  AccountIdParams,
  AccountListQuery,
  AccountPage,
  AccountUpdate,
} from './accounts.contract';
import {
  Contact,
  ContactCreate,
  ContactIdParams,
  ContactListQuery,
  ContactLookupQuery,
  ContactLookupResult,
  ContactPage,
  ContactUpdate,
} from './contacts.contract';
import { defineEndpoint } from './endpoint';
import { HealthReport } from './health.contract';

export const api = {
  health: defineEndpoint({
    id: 'health', method: 'GET', path: 'health', tag: 'platform', auth: 'none', status: 200,
    summary: 'Reports each dependency; 503 when one is down.', response: HealthReport, errors: [503],
  }),
  openApi: defineEndpoint({
    id: 'openApi', method: 'GET', path: 'openapi.json', tag: 'platform', auth: 'none', status: 200,
    summary: 'This API described as OpenAPI 3.1.', response: z.record(z.string(), z.unknown()),
  }),

  listAccounts: defineEndpoint({
    id: 'listAccounts', method: 'GET', path: 'accounts', tag: 'accounts', auth: 'user', status: 200,
    summary: 'Lists accounts by name, filtered, one page at a time.', query: AccountListQuery, response: AccountPage,
  }),
  createAccount: defineEndpoint({
    id: 'createAccount', method: 'POST', path: 'accounts', tag: 'accounts', auth: 'user', status: 201, etag: true,
    summary: 'Creates an account.', body: AccountCreate, response: Account, errors: [403, 413, 415],
  }),
  getAccount: defineEndpoint({
    id: 'getAccount', method: 'GET', path: 'accounts/{id}', tag: 'accounts', auth: 'user', status: 200, etag: true,
    summary: 'Reads one account.', params: AccountIdParams, response: Account, errors: [404],
  }),
  updateAccount: defineEndpoint({
    id: 'updateAccount', method: 'PATCH', path: 'accounts/{id}', tag: 'accounts', auth: 'user', status: 200, etag: true, ifMatch: true,
    summary: 'Changes the given fields of an account (merge-patch).', params: AccountIdParams, body: AccountUpdate, response: Account,
    errors: [403, 404, 412, 428],
  }),
  deleteAccount: defineEndpoint({
    id: 'deleteAccount', method: 'DELETE', path: 'accounts/{id}', tag: 'accounts', auth: 'user', status: 204, ifMatch: true,
    summary: 'Deletes an account (kept as a tombstone for sync).', params: AccountIdParams, errors: [403, 404, 412, 428],
  }),

  listContacts: defineEndpoint({
    id: 'listContacts', method: 'GET', path: 'contacts', tag: 'contacts', auth: 'user', status: 200,
    summary: 'Lists contacts by name, filtered, one page at a time.', query: ContactListQuery, response: ContactPage,
  }),
  lookupContacts: defineEndpoint({
    id: 'lookupContacts', method: 'GET', path: 'contacts/lookup', tag: 'contacts', auth: 'user', status: 200,
    summary: 'The contacts having this address among their e-mails, each with its account (the Outlook sender lookup).',
    query: ContactLookupQuery, response: ContactLookupResult,
  }),
  createContact: defineEndpoint({
    id: 'createContact', method: 'POST', path: 'contacts', tag: 'contacts', auth: 'user', status: 201, etag: true,
    summary: 'Creates a contact.', body: ContactCreate, response: Contact, errors: [403, 413, 415],
  }),
  getContact: defineEndpoint({
    id: 'getContact', method: 'GET', path: 'contacts/{id}', tag: 'contacts', auth: 'user', status: 200, etag: true,
    summary: 'Reads one contact.', params: ContactIdParams, response: Contact, errors: [404],
  }),
  updateContact: defineEndpoint({
    id: 'updateContact', method: 'PATCH', path: 'contacts/{id}', tag: 'contacts', auth: 'user', status: 200, etag: true, ifMatch: true,
    summary: 'Changes the given fields of a contact (merge-patch).', params: ContactIdParams, body: ContactUpdate, response: Contact,
    errors: [403, 404, 412, 428],
  }),
  deleteContact: defineEndpoint({
    id: 'deleteContact', method: 'DELETE', path: 'contacts/{id}', tag: 'contacts', auth: 'user', status: 204, ifMatch: true,
    summary: 'Deletes a contact (kept as a tombstone for sync).', params: ContactIdParams, errors: [403, 404, 412, 428],
  }),
} as const;

export type Api = typeof api;
export type EndpointId = keyof Api;
