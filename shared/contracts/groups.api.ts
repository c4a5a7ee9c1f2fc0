import { defineEndpoint } from './endpoint';
import { IdParams } from './common';
import { Group, GroupCreate, GroupListQuery, GroupMemberPage, GroupMembersChange, GroupMembersQuery, GroupPage, GroupPreview, GroupUpdate } from './groups.contract';

export const groupEndpoints = {
  listGroups: defineEndpoint({
    id: 'listGroups', method: 'GET', path: 'groups', tag: 'groups', auth: 'user', status: 200,
    summary: 'Your groups and those shared in the organisation, by name; filtered by entity and kind.', query: GroupListQuery, response: GroupPage, errors: [403],
  }),
  createGroup: defineEndpoint({
    id: 'createGroup', method: 'POST', path: 'groups', tag: 'groups', auth: 'user', status: 201, etag: true,
    summary: 'Saves a search or creates a static group; 403 when a criterion reads a field hidden from you.', body: GroupCreate, response: Group, errors: [403, 413, 415],
  }),
  previewGroup: defineEndpoint({
    id: 'previewGroup', method: 'POST', path: 'groups/preview', tag: 'groups', auth: 'user', status: 200,
    summary: 'The first page of records matching criteria, without saving them (the filter builders).', body: GroupPreview, response: GroupMemberPage, errors: [403, 413, 415],
  }),
  getGroup: defineEndpoint({
    id: 'getGroup', method: 'GET', path: 'groups/{id}', tag: 'groups', auth: 'user', status: 200, etag: true,
    summary: 'Reads one group.', params: IdParams, response: Group, errors: [403, 404],
  }),
  updateGroup: defineEndpoint({
    id: 'updateGroup', method: 'PATCH', path: 'groups/{id}', tag: 'groups', auth: 'user', status: 200, etag: true, ifMatch: true,
    summary: 'Renames, shares or re-words a group (merge-patch; its owner or an administrator).', params: IdParams, body: GroupUpdate, response: Group, errors: [403, 404, 412, 428],
  }),
  deleteGroup: defineEndpoint({
    id: 'deleteGroup', method: 'DELETE', path: 'groups/{id}', tag: 'groups', auth: 'user', status: 204, ifMatch: true,
    summary: 'Deletes a group (its owner or an administrator); its records stay.', params: IdParams, errors: [403, 404, 412, 428],
  }),
  listGroupMembers: defineEndpoint({
    id: 'listGroupMembers', method: 'GET', path: 'groups/{id}/members', tag: 'groups', auth: 'user', status: 200,
    summary: 'The records in the group now, as you may see them: a saved search is evaluated again on every request.',
    params: IdParams, query: GroupMembersQuery, response: GroupMemberPage, errors: [403, 404],
  }),
  changeGroupMembers: defineEndpoint({
    id: 'changeGroupMembers', method: 'POST', path: 'groups/{id}/members', tag: 'groups', auth: 'user', status: 200, etag: true, ifMatch: true,
    summary: 'Adds and removes members of a static group (at most 5,000 in all).', params: IdParams, body: GroupMembersChange, response: Group,
    errors: [403, 404, 412, 428],
  }),
} as const;
