import type { ActivityListQuery } from '../../../shared/contracts/activities.contract';
import { assertCan } from '../../../shared/domain/access-policy';
import type { ActivityRecord } from '../../../shared/domain/activity';
import { occurrencesIn } from '../../../shared/domain/activity-schedule';
import { AppError } from '../../../shared/domain/errors';
import type { Page, Versioned } from '../../../shared/domain/record';
import type { Occurrence } from '../../../shared/domain/recurrence';
import { searchTokens } from '../../../shared/domain/text-normalization';
import { requireReadable } from '../record-guards';
import { visibleOwners } from '../../../shared/domain/record-access';
import type { UseCaseCall } from '../usecase-context';

const MAX_WINDOW_MS = 366 * 24 * 60 * 60 * 1000;

export async function getActivity({ deps, principal, scope }: UseCaseCall, id: string): Promise<Versioned<ActivityRecord>> {
  assertCan(principal, 'read', 'activity');
  return requireReadable({ principal, scope }, await deps.stores.activities.get(principal.tenantId, id), 'activity');
}

function refuseWindow(message: string): AppError {
  return new AppError('VALIDATION', `Check to: ${message}.`, { issues: [{ field: 'to', message }] });
}

export async function listActivities({ deps, principal, scope }: UseCaseCall, query: ActivityListQuery): Promise<Page<Versioned<ActivityRecord>>> {
  assertCan(principal, 'read', 'activity');
  const { limit, continuation, q, regardingType, regardingId, from, to, ...filters } = query;
  const now = deps.now().toISOString();
  const window = { from: from === 'now' ? now : from, to: to === 'now' ? now : to };
  if (window.from !== undefined && window.to !== undefined && window.to <= window.from) throw refuseWindow('must be after from');
  const { limit: _limit, continuation: _continuation, ...asRequested } = query;
  return deps.stores.activities.list(
    principal.tenantId,
    {
      ...filters,
      ...window,
      keywords: q ? searchTokens(q) : undefined,
      concerning: regardingType && regardingId ? { entity: regardingType, id: regardingId } : undefined,
      visibleOwners: ownersOrAll(visibleOwners(principal, scope, 'activity')),
      asRequested,
    },
    { limit, continuation },
  );
}

/** Occurrences of one activity in a window of at most 366 days: a calendar's view of a series. */
export async function listOccurrences(call: UseCaseCall, id: string, window: { from: string; to: string }): Promise<Occurrence[]> {
  const activity = await getActivity(call, id);
  const length = Date.parse(window.to) - Date.parse(window.from);
  if (length <= 0) throw refuseWindow('must be after from');
  if (length > MAX_WINDOW_MS) throw refuseWindow('must be at most 366 days after from');
  return occurrencesIn(activity, window);
}

function ownersOrAll(owners: 'all' | string[]): string[] | undefined {
  return owners === 'all' ? undefined : owners;
}
