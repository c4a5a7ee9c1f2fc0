import {
  Activity,
  ActivityCompletion,
  ActivityCreate,
  ActivityIdParams,
  ActivityListQuery,
  ActivityPage,
  ActivityUpdate,
  AttachmentContent,
  AttachmentCreate,
  AttachmentMeta,
  AttachmentParams,
  OccurrenceList,
  OccurrenceQuery,
} from './activities.contract';
import { defineEndpoint } from './endpoint';

const tag = 'activities';

export const activityEndpoints = {
  listActivities: defineEndpoint({
    id: 'listActivities', method: 'GET', path: 'activities', tag, auth: 'user', status: 200,
    summary: 'Lists activities by start (or due day), filtered; e.g. the upcoming ones of a contact: regardingType=contact&regardingId=…&status=open&from=now.',
    query: ActivityListQuery, response: ActivityPage, errors: [403],
  }),
  createActivity: defineEndpoint({
    id: 'createActivity', method: 'POST', path: 'activities', tag, auth: 'user', status: 201, etag: true,
    summary: 'Schedules a call, meeting or event, or adds a to-do.', body: ActivityCreate, response: Activity, errors: [403, 413, 415],
  }),
  getActivity: defineEndpoint({
    id: 'getActivity', method: 'GET', path: 'activities/{id}', tag, auth: 'user', status: 200, etag: true,
    summary: 'Reads one activity.', params: ActivityIdParams, response: Activity, errors: [403, 404],
  }),
  updateActivity: defineEndpoint({
    id: 'updateActivity', method: 'PATCH', path: 'activities/{id}', tag, auth: 'user', status: 200, etag: true, ifMatch: true,
    summary: 'Changes the given fields of an open activity (merge-patch); `status: cancelled` cancels it.',
    params: ActivityIdParams, body: ActivityUpdate, response: Activity, errors: [403, 404, 412, 428],
  }),
  deleteActivity: defineEndpoint({
    id: 'deleteActivity', method: 'DELETE', path: 'activities/{id}', tag, auth: 'user', status: 204, ifMatch: true,
    summary: 'Deletes an activity (kept as a tombstone for sync).', params: ActivityIdParams, errors: [403, 404, 412, 428],
  }),
  completeActivity: defineEndpoint({
    id: 'completeActivity', method: 'POST', path: 'activities/{id}/complete', tag, auth: 'user', status: 200, etag: true, ifMatch: true,
    summary: 'Completes an open activity with its result; the result appears on the timeline of every record it concerns. Repeating the same completion is answered as done.',
    params: ActivityIdParams, body: ActivityCompletion, response: Activity, errors: [403, 404, 412, 428],
  }),
  reopenActivity: defineEndpoint({
    id: 'reopenActivity', method: 'POST', path: 'activities/{id}/reopen', tag, auth: 'user', status: 200, etag: true, ifMatch: true,
    summary: 'Opens a completed or cancelled activity again; reopening a completion is noted on the timelines.',
    params: ActivityIdParams, response: Activity, errors: [403, 404, 412, 428],
  }),
  listActivityOccurrences: defineEndpoint({
    id: 'listActivityOccurrences', method: 'GET', path: 'activities/{id}/occurrences', tag, auth: 'user', status: 200,
    summary: 'The occurrences of an activity within a window of at most 366 days, in its time zone’s wall-clock time.',
    params: ActivityIdParams, query: OccurrenceQuery, response: OccurrenceList, errors: [403, 404],
  }),
  addActivityAttachment: defineEndpoint({
    id: 'addActivityAttachment', method: 'POST', path: 'activities/{id}/attachments', tag, auth: 'user', status: 201, etag: true, ifMatch: true,
    summary: 'Attaches a file of at most 150 KiB (base64 in JSON; at most 10 per activity). The ETag answered is the activity’s new version.',
    params: ActivityIdParams, body: AttachmentCreate, response: AttachmentMeta, errors: [403, 404, 412, 413, 415, 428],
  }),
  getActivityAttachment: defineEndpoint({
    id: 'getActivityAttachment', method: 'GET', path: 'activities/{id}/attachments/{attachmentId}', tag, auth: 'user', status: 200,
    summary: 'Reads an attachment with its content, base64-encoded.', params: AttachmentParams, response: AttachmentContent, errors: [403, 404],
  }),
  deleteActivityAttachment: defineEndpoint({
    id: 'deleteActivityAttachment', method: 'DELETE', path: 'activities/{id}/attachments/{attachmentId}', tag, auth: 'user', status: 204, etag: true, ifMatch: true,
    summary: 'Removes an attachment. The ETag answered is the activity’s new version.', params: AttachmentParams, errors: [403, 404, 412, 428],
  }),
} as const;
