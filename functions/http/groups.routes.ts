/** Saved searches and static groups over HTTP: parse, call the use case, map. */
import { api } from '../../shared/contracts/api.contract';
import type { Group, GroupMemberPage } from '../../shared/contracts/groups.contract';
import type { GroupRecord, MemberPage } from '../../shared/domain/group';
import type { Versioned } from '../../shared/domain/record';
import { changeGroupMembers } from '../usecases/groups/change-group-members.usecase';
import { createGroup } from '../usecases/groups/create-group.usecase';
import { deleteGroup } from '../usecases/groups/delete-group.usecase';
import { listGroupMembers, previewGroup } from '../usecases/groups/group-members.usecase';
import { getGroup, listGroups } from '../usecases/groups/read-groups.usecase';
import { updateGroup } from '../usecases/groups/update-group.usecase';
import { bind, callOf, type EndpointInput } from './endpoint-binding';
import { toHttpEtag } from './http-pipeline';
import { toOpportunity } from './opportunities.routes';
import { toAccount, toContact, toPage } from './record-mappers';

/** Member ids stay server-side (up to 5,000); the members endpoint pages the records themselves. */
export function toGroup(record: Versioned<GroupRecord>): Group {
  const { tenantId: _tenantId, deletedAt: _deletedAt, memberIds, memberEntity, etag, ...fields } = record;
  return { ...fields, entity: memberEntity, ...(record.kind === 'static' ? { memberCount: memberIds?.length ?? 0 } : {}), etag: toHttpEtag(etag) };
}

/** Each entity through its own mapper: the response schema then applies field-level security as on its lists. */
export function toGroupMemberPage(page: MemberPage): GroupMemberPage {
  switch (page.entity) {
    case 'contact':
      return { entity: 'contact', ...toPage(page, toContact) };
    case 'account':
      return { entity: 'account', ...toPage(page, toAccount) };
    case 'opportunity':
      return { entity: 'opportunity', ...toPage(page, toOpportunity) };
  }
}

function policyOf(input: EndpointInput<unknown, unknown, unknown>) {
  return input.services.fieldPolicy(callOf(input).principal);
}

function versioned(record: Versioned<GroupRecord>, created = false) {
  return { body: toGroup(record), etag: record.etag, ...(created ? { headers: { Location: `/api/groups/${record.id}` } } : {}) };
}

export const groupRoutes = [
  bind(api.listGroups, async (input) => ({ body: toPage(await listGroups(callOf(input), input.query), toGroup) })),
  bind(api.createGroup, async (input) => versioned(await createGroup(callOf(input), input.body, await policyOf(input)), true)),
  bind(api.previewGroup, async (input) => ({ body: toGroupMemberPage(await previewGroup(callOf(input), input.body, await policyOf(input))) })),
  bind(api.getGroup, async (input) => versioned(await getGroup(callOf(input), input.params.id))),
  bind(api.updateGroup, async (input) => versioned(await updateGroup(callOf(input), input.params.id, input.body, input.ifMatch, await policyOf(input)))),
  bind(api.deleteGroup, async (input) => {
    await deleteGroup(callOf(input), input.params.id, input.ifMatch);
    return {};
  }),
  bind(api.listGroupMembers, async (input) => {
    const { limit, continuation } = input.query;
    return { body: toGroupMemberPage(await listGroupMembers(callOf(input), input.params.id, { limit, continuation }, await policyOf(input))) };
  }),
  bind(api.changeGroupMembers, async (input) => versioned(await changeGroupMembers(callOf(input), input.params.id, input.body, input.ifMatch))),
];
