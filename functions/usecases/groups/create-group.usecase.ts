import type { GroupCreate } from '../../../shared/contracts/groups.contract';
import { AppError } from '../../../shared/domain/errors';
import type { FieldPolicy } from '../../../shared/domain/field-security';
import { changedMembers, type GroupRecord } from '../../../shared/domain/group';
import { parseCriteria } from '../../../shared/domain/group-criteria';
import type { Versioned } from '../../../shared/domain/record';
import { newRecordFields } from '../record-guards';
import type { UseCaseCall } from '../usecase-context';
import { assertCriteriaReadable, ownersFor } from './group-access';
import { assertMembersExist } from './member-checks';

/** The caller owns what they create; criteria and first members are checked before anything is written. */
export async function createGroup(call: UseCaseCall, input: GroupCreate, policy: FieldPolicy): Promise<Versioned<GroupRecord>> {
  const { deps, principal } = call;
  const owners = ownersFor(call, input.entity);
  const record: GroupRecord = {
    ...newRecordFields(deps, principal, principal.userId),
    name: input.name,
    memberEntity: input.entity,
    kind: input.kind,
    shared: input.shared,
    ...(input.description ? { description: input.description } : {}),
  };
  if (input.kind === 'saved-search') {
    if (input.criteria === undefined) throw new AppError('VALIDATION', 'A saved search needs criteria.', { issues: [{ field: 'criteria', message: 'is required' }] });
    record.criteria = parseCriteria(input.entity, input.criteria);
    assertCriteriaReadable(policy, input.entity, record.criteria);
  } else {
    const memberIds = changedMembers([], input.memberIds ?? [], []);
    await assertMembersExist(call, { tenantId: principal.tenantId, entity: input.entity, owners }, input.memberIds ?? [], 'memberIds');
    record.memberIds = memberIds;
  }
  return deps.stores.groups.groups.create(record);
}
