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

export const contactEndpoints = {  listContacts: defineEndpoint({
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
