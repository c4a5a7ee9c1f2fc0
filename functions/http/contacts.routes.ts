import { api } from '../../shared/contracts/api.contract';
import { createContact } from '../usecases/contacts/create-contact.usecase';
import { deleteContact } from '../usecases/contacts/delete-contact.usecase';
import { lookupContacts } from '../usecases/contacts/lookup-contacts.usecase';
import { getContact, listContacts } from '../usecases/contacts/read-contacts.usecase';
import { updateContact } from '../usecases/contacts/update-contact.usecase';
import { bind, callOf } from './endpoint-binding';
import { toAccountSummary, toContact, toPage } from './record-mappers';

export const contactRoutes = [
  bind(api.listContacts, async (input) => ({ body: toPage(await listContacts(callOf(input), input.query), toContact) })),
  bind(api.lookupContacts, async (input) => {
    const matches = await lookupContacts(callOf(input), input.query.email);
    return {
      body: {
        email: input.query.email,
        matches: matches.map((match) => ({ contact: toContact(match.contact), account: match.account ? toAccountSummary(match.account) : null })),
      },
    };
  }),
  bind(api.createContact, async (input) => {
    const contact = await createContact(callOf(input), input.body);
    return { body: toContact(contact), etag: contact.etag, headers: { Location: `/api/contacts/${contact.id}` } };
  }),
  bind(api.getContact, async (input) => {
    const contact = await getContact(callOf(input), input.params.id);
    return { body: toContact(contact), etag: contact.etag };
  }),
  bind(api.updateContact, async (input) => {
    const contact = await updateContact(callOf(input), input.params.id, input.body, input.ifMatch);
    return { body: toContact(contact), etag: contact.etag };
  }),
  bind(api.deleteContact, async (input) => {
    await deleteContact(callOf(input), input.params.id, input.ifMatch);
    return {};
  }),
];
