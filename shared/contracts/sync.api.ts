import { defineEndpoint } from './endpoint';
import { SyncChanges, SyncQuery } from './sync.contract';

export const syncEndpoints = {
  syncChanges: defineEndpoint({
    id: 'syncChanges', method: 'GET', path: 'sync/changes', tag: 'sync', auth: 'user', status: 200,
    summary: 'The records you may see that changed or were deleted since the checkpoint, oldest first, with the next checkpoint (offline clients).',
    query: SyncQuery, response: SyncChanges,
  }),
} as const;
