import type { SyncChange } from '../../shared/contracts/sync.contract';
import { syncEndpoints } from '../../shared/contracts/sync.api';
import type { AccountRecord } from '../../shared/domain/account';
import type { ActivityRecord } from '../../shared/domain/activity';
import type { ContactRecord } from '../../shared/domain/contact';
import type { LeadRecord } from '../../shared/domain/lead';
import type { OpportunityRecord } from '../../shared/domain/opportunity';
import type { Versioned } from '../../shared/domain/record';
import { changesSince, isTombstone, type EntityChanges } from '../usecases/sync/changes-since.usecase';
import { bind, callOf } from './endpoint-binding';
import { toActivity } from './activities.routes';
import { toLead } from './leads.routes';
import { toOpportunity } from './opportunities.routes';
import { toAccount, toContact } from './record-mappers';

function toChange(entity: EntityChanges['entity'], change: EntityChanges['changes'][number]): SyncChange {
  const deleted = isTombstone(change);
  const base = { id: change.position.id, deleted, changedAt: new Date(change.position.ts * 1000).toISOString() };
  // Tombstones carry no fields: a deleted record's data is not sent again.
  switch (entity) {
    case 'account':
      return { entity, ...base, record: deleted ? null : toAccount(change.record as Versioned<AccountRecord>) };
    case 'contact':
      return { entity, ...base, record: deleted ? null : toContact(change.record as Versioned<ContactRecord>) };
    case 'opportunity':
      return { entity, ...base, record: deleted ? null : toOpportunity(change.record as Versioned<OpportunityRecord>) };
    case 'activity':
      return { entity, ...base, record: deleted ? null : toActivity(change.record as Versioned<ActivityRecord>) };
    case 'lead':
      return { entity, ...base, record: deleted ? null : toLead(change.record as Versioned<LeadRecord>) };
  }
}

export const syncRoutes = [
  bind(syncEndpoints.syncChanges, async (input) => {
    const page = await changesSince(callOf(input), input.query.since, input.query.limit);
    return {
      body: {
        changes: page.batches.flatMap((batch) => batch.changes.map((change) => toChange(batch.entity, change))),
        checkpoint: page.checkpoint,
        hasMore: page.hasMore,
      },
    };
  }),
];
