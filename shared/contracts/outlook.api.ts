import { defineEndpoint } from './endpoint';
import {
  LinkedMeeting,
  MeetingLinkRequest,
  OutlookContext,
  OutlookContextRequest,
  TrackEmailRequest,
  TrackedEmail,
  TrackedEmailQuery,
} from './outlook.contract';

export const outlookEndpoints = {
  outlookContext: defineEndpoint({
    id: 'outlookContext', method: 'POST', path: 'outlook/context', tag: 'outlook', auth: 'user', status: 200,
    summary:
      "Everything the Outlook pane shows for a message or appointment in one request: each participant matched to contacts (or suggestions when unknown), " +
      "the contacts' cards with upcoming activities and recent history, their accounts' open deals, and the message's tracking or the meeting's link. Writes nothing.",
    body: OutlookContextRequest, response: OutlookContext, errors: [403, 413, 415],
  }),
  trackEmail: defineEndpoint({
    id: 'trackEmail', method: 'POST', path: 'emails/track', tag: 'outlook', auth: 'user', status: 201,
    summary:
      'Puts an e-mail on the timelines of the contacts, account and opportunity it concerns (201). A message already tracked, by either of its ids, ' +
      'is answered with its tracking (200, alreadyTracked) and never recorded twice; the id it did not know yet is added to it.',
    body: TrackEmailRequest, response: TrackedEmail, errors: [403, 409, 413, 415],
  }),
  getTrackedEmail: defineEndpoint({
    id: 'getTrackedEmail', method: 'GET', path: 'emails/tracked', tag: 'outlook', auth: 'user', status: 200,
    summary: 'The tracking of a message, by its internetMessageId (messageId) or trackingId; 404 when it is not tracked.',
    query: TrackedEmailQuery, response: TrackedEmail, errors: [403, 404],
  }),
  linkMeeting: defineEndpoint({
    id: 'linkMeeting', method: 'POST', path: 'outlook/meetings', tag: 'outlook', auth: 'user', status: 201, etag: true,
    summary:
      'Links an Outlook appointment to contacts, an account and an opportunity as a meeting activity owned by you (201); linking the same key again ' +
      "updates that activity's subject, times and links (200). Record the outcome with POST activities/{id}/complete.",
    body: MeetingLinkRequest, response: LinkedMeeting, errors: [403, 409, 412, 413, 415],
  }),
} as const;
