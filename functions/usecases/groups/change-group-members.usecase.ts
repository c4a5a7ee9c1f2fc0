import type { GroupMembersChange } from '../../../shared/contracts/groups.contract';
import { AppError } from '../../../shared/domain/errors';
import { changedMembers, MAX_STATIC_MEMBERS, type GroupRecord } from '../../../shared/domain/group';
import type { Versioned } from '../../../shared/domain/record';
import { requireCurrentVersion, requireIfMatch, stamp } from '../record-guards';
import type { UseCaseCall } from '../usecase-context';
import { ownersFor, requireChangeableGroup } from './group-access';
import { assertMembersExist } from './member-checks';

/** Adds and removes ids of a static group under its ETag; added ids must be records the caller sees. */
export async function changeGroupMembers(call: UseCaseCall, id: string, change: GroupMembersChange, ifMatch: string | undefined): Promise<Versioned<GroupRecord>> {
  const etag = requireIfMatch(ifMatch);
  const current = await requireChangeableGroup(call, id);
  requireCurrentVersion(current, etag, 'group');
  if (current.kind !== 'static') {
    throw new AppError('VALIDATION', 'A saved search has no explicit members; change its criteria instead.', { issues: [{ field: 'add', message: 'applies only to a static group' }] });
  }
  const before = current.memberIds ?? [];
  const memberIds = changedMembers(before, change.add, change.remove);
  if (memberIds.length > MAX_STATIC_MEMBERS) {
    throw new AppError('VALIDATION', `A static group holds at most ${MAX_STATIC_MEMBERS} members.`, { issues: [{ field: 'add', message: `would bring the group to ${memberIds.length} members` }] });
  }
  const owners = ownersFor(call, current.memberEntity);
  await assertMembersExist(call, { tenantId: call.principal.tenantId, entity: current.memberEntity, owners }, change.add, 'add', new Set(before));
  const { etag: _etag, ...record } = current;
  return call.deps.stores.groups.groups.replace({ ...record, memberIds, ...stamp(call.principal, call.deps.now()) }, current.etag, current);
}
