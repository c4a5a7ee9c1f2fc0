import type { GroupListQuery } from '../../../shared/contracts/groups.contract';
import type { GroupRecord } from '../../../shared/domain/group';
import type { Page, Versioned } from '../../../shared/domain/record';
import type { UseCaseCall } from '../usecase-context';
import { requireVisibleGroup } from './group-access';

export function getGroup(call: UseCaseCall, id: string): Promise<Versioned<GroupRecord>> {
  return requireVisibleGroup(call, id);
}

/** The caller's own groups and the shared ones, by name. */
export function listGroups({ deps, principal }: UseCaseCall, query: GroupListQuery): Promise<Page<Versioned<GroupRecord>>> {
  const { limit, continuation, ...filter } = query;
  return deps.stores.groups.groups.listVisible(principal.tenantId, principal.userId, filter, { limit, continuation });
}
