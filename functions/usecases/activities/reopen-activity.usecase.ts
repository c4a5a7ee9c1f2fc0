import { assertCan } from '../../../shared/domain/access-policy';
import type { ActivityRecord } from '../../../shared/domain/activity';
import { reopeningEntry, withReopening } from '../../../shared/domain/activity-completion';
import type { Versioned } from '../../../shared/domain/record';
import { recordOnTimelines } from '../history/record-on-timelines';
import { requireCurrentVersion, requireIfMatch, requireWritable, stamp } from '../record-guards';
import type { UseCaseCall } from '../usecase-context';

/** Reopening an open activity changes nothing and re-writes its last reopening entry, so a retry heals a failed one. */
export async function reopenActivity({ deps, principal, scope }: UseCaseCall, id: string, ifMatch: string | undefined): Promise<Versioned<ActivityRecord>> {
  assertCan(principal, 'update', 'activity');
  const etag = requireIfMatch(ifMatch);
  const current = requireWritable({ principal, scope }, await deps.stores.activities.get(principal.tenantId, id), 'activity');
  if (current.status === 'open') {
    await recordOnTimelines(deps, reopeningEntry(current));
    return current;
  }
  requireCurrentVersion(current, etag, 'activity');
  const { etag: _etag, ...record } = current;
  const now = deps.now();
  const saved = await deps.stores.activities.replace({ ...withReopening(record, principal.userId, now), ...stamp(principal, now) }, current.etag);
  await recordOnTimelines(deps, reopeningEntry(saved));
  return saved;
}
