import { historyEndpoints } from '../../shared/contracts/history.api';
import type { HistoryEntry, TimelineEntity } from '../../shared/domain/history';
import { addNote, readTimeline } from '../usecases/history/timeline.usecase';
import { bind, callOf, type EndpointInput } from './endpoint-binding';

function toHistoryEntry(entry: HistoryEntry) {
  const { tenantId: _tenantId, ...fields } = entry;
  return fields;
}

function timelineOf(entity: TimelineEntity) {
  return async (input: EndpointInput<{ id: string }, { limit: number; continuation?: string }, unknown>) => {
    const page = await readTimeline(callOf(input), { entity, id: input.params.id }, input.query);
    return { body: { items: page.items.map(toHistoryEntry), continuation: page.continuation } };
  };
}

export const historyRoutes = [
  bind(historyEndpoints.accountHistory, timelineOf('account')),
  bind(historyEndpoints.contactHistory, timelineOf('contact')),
  bind(historyEndpoints.opportunityHistory, timelineOf('opportunity')),
  bind(historyEndpoints.createNote, async (input) => ({ body: toHistoryEntry(await addNote(callOf(input), input.body)) })),
];
