import type { GroupUpdate } from '../../../shared/contracts/groups.contract';
import { AppError } from '../../../shared/domain/errors';
import type { FieldPolicy } from '../../../shared/domain/field-security';
import type { GroupRecord } from '../../../shared/domain/group';
import { parseCriteria } from '../../../shared/domain/group-criteria';
import type { Versioned } from '../../../shared/domain/record';
import { applyMergePatch } from '../merge-patch';
import { requireCurrentVersion, requireIfMatch, stamp } from '../record-guards';
import type { UseCaseCall } from '../usecase-context';
import { assertCriteriaReadable, requireChangeableGroup } from './group-access';

/** Merge-patch of name, description, sharing and (saved searches) criteria; entity and kind stay. */
export async function updateGroup(call: UseCaseCall, id: string, patch: GroupUpdate, ifMatch: string | undefined, policy: FieldPolicy): Promise<Versioned<GroupRecord>> {
  const etag = requireIfMatch(ifMatch);
  const current = await requireChangeableGroup(call, id);
  requireCurrentVersion(current, etag, 'group');
  const { criteria, ...fields } = patch;
  const { etag: _etag, ...record } = current;
  const next: GroupRecord = { ...applyMergePatch<GroupRecord>(record, fields), ...stamp(call.principal, call.deps.now()) };
  if (criteria !== undefined) {
    if (current.kind !== 'saved-search') throw new AppError('VALIDATION', 'A static group has members, not criteria.', { issues: [{ field: 'criteria', message: 'applies only to a saved search' }] });
    next.criteria = parseCriteria(current.memberEntity, criteria);
  }
  // Re-checked even when only the name changes: the caller must not keep a probe they could not create.
  if (next.criteria) assertCriteriaReadable(policy, current.memberEntity, next.criteria);
  return call.deps.stores.groups.groups.replace(next, current.etag, current);
}
