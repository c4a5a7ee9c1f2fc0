import type { GroupPreview } from '../../../shared/contracts/groups.contract';
import type { FieldPolicy } from '../../../shared/domain/field-security';
import type { MemberPage } from '../../../shared/domain/group';
import { parseCriteria } from '../../../shared/domain/group-criteria';
import type { PageRequest } from '../../../shared/domain/record';
import type { UseCaseCall } from '../usecase-context';
import { assertCriteriaReadable, ownersFor, requireVisibleGroup } from './group-access';

/**
 * The group's records now, as the caller may see them: a saved search is evaluated again (with the
 * caller's record-level access, never its author's), a static group's ids are read one by one.
 */
export async function listGroupMembers(call: UseCaseCall, id: string, page: PageRequest, policy: FieldPolicy): Promise<MemberPage> {
  const group = await requireVisibleGroup(call, id);
  const query = { tenantId: call.principal.tenantId, entity: group.memberEntity, owners: ownersFor(call, group.memberEntity) };
  const { members } = call.deps.stores.groups;
  if (group.kind === 'static') return members.byIds(query, group.memberIds ?? [], page);
  // Stored criteria are checked again: the whitelist or the tenant's field rules may have changed since.
  const criteria = parseCriteria(group.memberEntity, group.criteria);
  assertCriteriaReadable(policy, group.memberEntity, criteria);
  return members.matching(query, criteria, page);
}

/** The first page of what criteria would match, without saving them. */
export async function previewGroup(call: UseCaseCall, input: GroupPreview, policy: FieldPolicy): Promise<MemberPage> {
  const owners = ownersFor(call, input.entity);
  const criteria = parseCriteria(input.entity, input.criteria);
  assertCriteriaReadable(policy, input.entity, criteria);
  return call.deps.stores.groups.members.matching({ tenantId: call.principal.tenantId, entity: input.entity, owners }, criteria, { limit: input.limit });
}
