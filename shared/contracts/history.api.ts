import { defineEndpoint } from './endpoint';
import { HistoryEntry, HistoryPage, HistoryQuery, NoteCreate, TimelineParams } from './history.contract';

const timeline = (entity: 'accounts' | 'contacts' | 'opportunities', id: string, label: string) =>
  defineEndpoint({
    id, method: 'GET', path: `${entity}/{id}/history`, tag: 'history', auth: 'user', status: 200,
    summary: `The timeline of ${label}: notes, activities, e-mails, letters and stage changes, newest first.`,
    params: TimelineParams, query: HistoryQuery, response: HistoryPage, errors: [403, 404],
  });

export const historyEndpoints = {
  accountHistory: timeline('accounts', 'accountHistory', 'an account'),
  contactHistory: timeline('contacts', 'contactHistory', 'a contact'),
  opportunityHistory: timeline('opportunities', 'opportunityHistory', 'an opportunity'),
  createNote: defineEndpoint({
    id: 'createNote', method: 'POST', path: 'notes', tag: 'history', auth: 'user', status: 201,
    summary: 'Adds a note to the timelines of the records it regards.', body: NoteCreate, response: HistoryEntry, errors: [403, 413, 415],
  }),
} as const;
