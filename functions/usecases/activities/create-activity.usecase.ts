import type { ActivityCreate } from '../../../shared/contracts/activities.contract';
import { assertCan, assertCanSetOwner } from '../../../shared/domain/access-policy';
import type { ActivityRecord } from '../../../shared/domain/activity';
import type { Versioned } from '../../../shared/domain/record';
import type { UseCaseCall } from '../usecase-context';
import { assertSoundTiming, requireConcernedRecords } from './activity-guards';

export async function createActivity({ deps, principal }: UseCaseCall, input: ActivityCreate): Promise<Versioned<ActivityRecord>> {
  assertCan(principal, 'create', 'activity');
  const ownerId = input.ownerId ?? principal.userId;
  assertCanSetOwner(principal, 'activity', ownerId);
  assertSoundTiming(input);
  await requireConcernedRecords(deps, principal, input);
  const now = deps.now().toISOString();
  const record: ActivityRecord = {
    ...input,
    id: deps.newId(),
    tenantId: principal.tenantId,
    ownerId,
    status: 'open',
    completionCount: 0,
    attachments: [],
    createdAt: now,
    createdBy: principal.userId,
    updatedAt: now,
    updatedBy: principal.userId,
    deletedAt: null,
  };
  return deps.stores.activities.create(record);
}
