import type { MeetingLinkRequest } from '../../../shared/contracts/outlook.contract';
import { assertCan, can } from '../../../shared/domain/access-policy';
import type { ActivityRecord } from '../../../shared/domain/activity';
import { AppError } from '../../../shared/domain/errors';
import { isLive, type Versioned } from '../../../shared/domain/record';
import { canSee } from '../../../shared/domain/record-access';
import { assertSoundTiming } from '../activities/activity-guards';
import { createActivity } from '../activities/create-activity.usecase';
import { updateActivity } from '../activities/update-activity.usecase';
import { newRecordFields } from '../record-guards';
import type { UseCaseCall } from '../usecase-context';
import { meetingFields, meetingPatch, type MeetingFields } from '../../../shared/domain/meeting-link';
import { meetingActivityId } from './outlook-ids';
import { requireRegardedRecords } from './regarded-records';

export interface LinkOutcome {
  activity: Versioned<ActivityRecord>;
  created: boolean;
}

type Meeting = Versioned<ActivityRecord>;

function isCode(error: unknown, code: AppError['code']): boolean {
  return error instanceof AppError && error.code === code;
}

/** The meeting activity linked with this appointment key, if the caller may see it. */
export async function findLinkedMeeting({ deps, principal, scope }: UseCaseCall, key: string): Promise<Meeting | null> {
  if (!can(principal, 'read', 'activity')) return null;
  const activity = await deps.stores.activities.get(principal.tenantId, meetingActivityId(principal.tenantId, key));
  return activity && isLive(activity) && activity.type === 'meeting' && canSee(principal, scope, 'activity', activity) ? activity : null;
}

/**
 * One meeting activity per appointment (its id derives from tenant and key): created through the
 * activity use case the first time, brought in line with the appointment after that. Writes race
 * under ETags and are retried from a fresh read.
 */
export async function linkMeeting(call: UseCaseCall, input: MeetingLinkRequest): Promise<LinkOutcome> {
  const { deps, principal, scope } = call;
  assertCan(principal, 'create', 'activity');
  await requireRegardedRecords(call, input);
  const fields = meetingFields(input);
  assertSoundTiming({ type: 'meeting', allDay: false, ...fields });
  const id = meetingActivityId(principal.tenantId, input.key);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const current = await deps.stores.activities.get(principal.tenantId, id);
    try {
      if (!current) return { activity: await createMeeting(call, id, fields), created: true };
      if (!isLive(current)) return { activity: await reviveMeeting(call, current, fields), created: true };
    } catch (error) {
      if (isCode(error, 'CONFLICT') || isCode(error, 'PRECONDITION_FAILED')) continue;
      throw error;
    }
    if (!canSee(principal, scope, 'activity', current)) {
      throw new AppError('CONFLICT', 'Someone outside your teams has linked this meeting already; ask them or their manager to add your records to it.');
    }
    const patch = meetingPatch(current, fields);
    // A completed or cancelled meeting is a record of what happened: linking it again shows it as it is.
    if (!patch || current.status !== 'open') return { activity: current, created: false };
    try {
      return { activity: await updateActivity(call, id, patch, current.etag), created: false };
    } catch (error) {
      if (!isCode(error, 'PRECONDITION_FAILED')) throw error;
    }
  }
  throw new AppError('TEMPORARY', 'This meeting is being linked by several requests at once; try again.');
}

function createMeeting(call: UseCaseCall, id: string, fields: MeetingFields): Promise<Meeting> {
  const { location, ...rest } = fields;
  // The activity use case with the derived id, so every rule of a new activity applies.
  const withId = { ...call, deps: { ...call.deps, newId: () => id } };
  return createActivity(withId, { type: 'meeting', priority: 'normal', allDay: false, ...rest, ...(location ? { location } : {}) });
}

/** A linked meeting deleted in the CRM is linked anew under its id: a new activity over the tombstone. */
async function reviveMeeting({ deps, principal }: UseCaseCall, tombstone: Meeting, fields: MeetingFields): Promise<Meeting> {
  const { location, ...rest } = fields;
  const record: ActivityRecord = {
    ...newRecordFields({ ...deps, newId: () => tombstone.id }, principal, principal.userId),
    type: 'meeting',
    ...rest,
    ...(location ? { location } : {}),
    status: 'open',
    priority: 'normal',
    allDay: false,
    completionCount: 0,
    attachments: [],
  };
  return deps.stores.activities.replace(record, tombstone.etag);
}
