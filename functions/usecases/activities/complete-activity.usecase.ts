import type { ActivityCompletion } from '../../../shared/contracts/activities.contract';
import { assertCan } from '../../../shared/domain/access-policy';
import type { ActivityRecord } from '../../../shared/domain/activity';
import { completionEntry, isSameCompletion, withCompletion } from '../../../shared/domain/activity-completion';
import type { Versioned } from '../../../shared/domain/record';
import { recordOnTimelines } from '../history/record-on-timelines';
import { requireCurrentVersion, requireIfMatch, requireWritable, stamp } from '../record-guards';
import type { UseCaseCall } from '../usecase-context';

/**
 * The record is written first (it is the truth), then the timeline entry built from what was
 * stored. If that second write fails, repeating the same completion is answered as done and
 * writes the entry: a retry with the ETag read before completing is not refused as stale, since
 * it asks for exactly what is recorded.
 */
export async function completeActivity(
  { deps, principal, scope }: UseCaseCall,
  id: string,
  input: ActivityCompletion,
  ifMatch: string | undefined,
): Promise<Versioned<ActivityRecord>> {
  assertCan(principal, 'update', 'activity');
  const etag = requireIfMatch(ifMatch);
  const current = requireWritable({ principal, scope }, await deps.stores.activities.get(principal.tenantId, id), 'activity');
  if (isSameCompletion(current, input)) {
    await recordOnTimelines(deps, completionEntry(current));
    return current;
  }
  requireCurrentVersion(current, etag, 'activity');
  const { etag: _etag, ...record } = current;
  const now = deps.now();
  const saved = await deps.stores.activities.replace({ ...withCompletion(record, input, principal.userId, now), ...stamp(principal, now) }, current.etag);
  await recordOnTimelines(deps, completionEntry(saved));
  return saved;
}
