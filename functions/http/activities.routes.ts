import type { Activity } from '../../shared/contracts/activities.contract';
import { api } from '../../shared/contracts/api.contract';
import type { ActivityRecord } from '../../shared/domain/activity';
import type { Versioned } from '../../shared/domain/record';
import { addAttachment } from '../usecases/activities/add-attachment.usecase';
import { completeActivity } from '../usecases/activities/complete-activity.usecase';
import { createActivity } from '../usecases/activities/create-activity.usecase';
import { deleteActivity } from '../usecases/activities/delete-activity.usecase';
import { getActivity, listActivities, listOccurrences } from '../usecases/activities/read-activities.usecase';
import { readAttachment } from '../usecases/activities/read-attachment.usecase';
import { removeAttachment } from '../usecases/activities/remove-attachment.usecase';
import { reopenActivity } from '../usecases/activities/reopen-activity.usecase';
import { updateActivity } from '../usecases/activities/update-activity.usecase';
import { bind, callOf } from './endpoint-binding';
import { toHttpEtag } from './http-pipeline';
import { toPage } from './record-mappers';

export function toActivity(record: Versioned<ActivityRecord>): Activity {
  const { tenantId: _tenantId, deletedAt: _deletedAt, completionCount: _count, reopened: _reopened, etag, ...fields } = record;
  return { ...fields, etag: toHttpEtag(etag) };
}

/** Answers carrying the activity's current version, for the writes that change it. */
function versioned(record: Versioned<ActivityRecord>) {
  return { body: toActivity(record), etag: record.etag };
}

export const activityRoutes = [
  bind(api.listActivities, async (input) => ({ body: toPage(await listActivities(callOf(input), input.query), toActivity) })),
  bind(api.createActivity, async (input) => {
    const activity = await createActivity(callOf(input), input.body);
    return { ...versioned(activity), headers: { Location: `/api/activities/${activity.id}` } };
  }),
  bind(api.getActivity, async (input) => versioned(await getActivity(callOf(input), input.params.id))),
  bind(api.updateActivity, async (input) => versioned(await updateActivity(callOf(input), input.params.id, input.body, input.ifMatch))),
  bind(api.deleteActivity, async (input) => {
    await deleteActivity(callOf(input), input.params.id, input.ifMatch);
    return {};
  }),
  bind(api.completeActivity, async (input) => versioned(await completeActivity(callOf(input), input.params.id, input.body, input.ifMatch))),
  bind(api.reopenActivity, async (input) => versioned(await reopenActivity(callOf(input), input.params.id, input.ifMatch))),
  bind(api.listActivityOccurrences, async (input) => ({ body: { items: await listOccurrences(callOf(input), input.params.id, input.query) } })),
  bind(api.addActivityAttachment, async (input) => {
    const { activity, attachment } = await addAttachment(callOf(input), input.params.id, input.body, input.ifMatch);
    return { body: attachment, etag: activity.etag, headers: { Location: `/api/activities/${activity.id}/attachments/${attachment.id}` } };
  }),
  // JSON only, like every route of the pipeline: the content comes back base64-encoded.
  bind(api.getActivityAttachment, async (input) => {
    const { content, ...attachment } = await readAttachment(callOf(input), input.params.id, input.params.attachmentId);
    return { body: { ...attachment, contentBase64: content.toString('base64') } };
  }),
  bind(api.deleteActivityAttachment, async (input) => {
    const activity = await removeAttachment(callOf(input), input.params.id, input.params.attachmentId, input.ifMatch);
    return { etag: activity.etag };
  }),
];
