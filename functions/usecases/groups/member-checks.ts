import { AppError } from '../../../shared/domain/errors';
import type { MemberQuery } from '../../../shared/domain/group';
import type { UseCaseCall } from '../usecase-context';

/**
 * Every id added must be a live record of the group's entity that the caller sees; an invisible
 * record answers like a missing one, so adding cannot reveal that a private deal exists. Ids already
 * `held` are not read again: a member deleted since stays removable.
 */
export async function assertMembersExist(
  { deps }: UseCaseCall,
  query: MemberQuery,
  ids: readonly string[],
  field: string,
  held: ReadonlySet<string> = new Set(),
): Promise<void> {
  const fresh = [...new Set(ids.filter((id) => !held.has(id)))];
  if (fresh.length === 0) return;
  const found = await deps.stores.groups.members.existing(query, fresh);
  const issues = ids.flatMap((id, index) => (held.has(id) || found.has(id) ? [] : [{ field: `${field}.${index}`, message: `is not a ${query.entity} you can see` }]));
  if (issues.length) throw new AppError('VALIDATION', `Check ${issues[0]?.field}: ${issues[0]?.message}.`, { issues });
}
