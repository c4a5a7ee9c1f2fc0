import type { ActivityUpdate } from '../../../shared/contracts/activities.contract';
import { assertCanSetOwner } from '../../../shared/domain/access-policy';
import type { ActivityRecord } from '../../../shared/domain/activity';
import { assertEditable } from '../../../shared/domain/activity-completion';
import type { Versioned } from '../../../shared/domain/record';
import { applyMergePatch } from '../merge-patch';
import { loadForChange, stamp } from '../record-guards';
import type { UseCaseCall } from '../usecase-context';
import { assertSoundTiming, requireConcernedRecords } from './activity-guards';

/** Open activities only; the timing rules are checked on the result, whichever fields the patch moved. */
export async function updateActivity(
  { deps, principal, scope }: UseCaseCall,
  id: string,
  patch: ActivityUpdate,
  ifMatch: string | undefined,
): Promise<Versioned<ActivityRecord>> {
  const current = await loadForChange({ principal, scope }, 'update', 'activity', deps.stores.activities, id, ifMatch);
  assertEditable(current);
  if (patch.ownerId !== undefined && patch.ownerId !== current.ownerId) assertCanSetOwner(principal, 'activity', patch.ownerId);
  const { etag: _etag, ...record } = current;
  const next: ActivityRecord = { ...applyMergePatch<ActivityRecord>(record, patch), ...stamp(principal, deps.now()) };
  assertSoundTiming(next);
  // Only what the patch names is checked, so a record deleted since does not block unrelated edits.
  await requireConcernedRecords(deps, principal, { regarding: patch.regarding, attendees: patch.attendees });
  return deps.stores.activities.replace(next, current.etag);
}
