/** What every group use case checks: who may see or change a group, and what its criteria may read. */
import { assertCan } from '../../../shared/domain/access-policy';
import { AppError } from '../../../shared/domain/errors';
import type { FieldPolicy } from '../../../shared/domain/field-security';
import { canChangeGroup, canSeeGroup, type GroupRecord } from '../../../shared/domain/group';
import { hiddenCriteriaFields, type Criteria, type GroupEntity } from '../../../shared/domain/group-criteria';
import type { Versioned } from '../../../shared/domain/record';
import { visibleOwners } from '../../../shared/domain/record-access';
import { requireLive } from '../record-guards';
import type { UseCaseCall } from '../usecase-context';

/** A live group the caller may see; someone else's personal group answers as if it did not exist. */
export async function requireVisibleGroup({ deps, principal }: UseCaseCall, id: string): Promise<Versioned<GroupRecord>> {
  const group = requireLive(await deps.stores.groups.groups.get(principal.tenantId, id), 'group');
  if (!canSeeGroup(principal, group)) throw new AppError('NOT_FOUND', 'No group with this id.');
  return group;
}

export async function requireChangeableGroup(call: UseCaseCall, id: string): Promise<Versioned<GroupRecord>> {
  const group = await requireVisibleGroup(call, id);
  if (!canChangeGroup(call.principal, group)) {
    throw new AppError('FORBIDDEN', 'Only the owner of this group or an administrator may change it; save a copy of your own instead.');
  }
  return group;
}

/** The owners whose records the caller may see among the entity's (undefined: everyone's). */
export function ownersFor({ principal, scope }: UseCaseCall, entity: GroupEntity): string[] | undefined {
  assertCan(principal, 'read', entity);
  const owners = visibleOwners(principal, scope, entity);
  return owners === 'all' ? undefined : owners;
}

/**
 * Criteria on a field hidden from the caller would let them probe its values through who matches:
 * refused on saving and on evaluating (a shared group made by someone allowed to see the field).
 */
export function assertCriteriaReadable(policy: FieldPolicy, entity: GroupEntity, criteria: Criteria): void {
  const fields = hiddenCriteriaFields(entity, criteria, policy.hidden(entity));
  if (fields.length === 0) return;
  throw new AppError('FORBIDDEN', `Your role may not see ${fields.join(', ')} on ${entity} records, so you cannot filter by ${fields.length > 1 ? 'them' : 'it'}.`, {
    issues: fields.map((field) => ({ field: `criteria.${field}`, message: 'reads a field hidden from your role' })),
  });
}
