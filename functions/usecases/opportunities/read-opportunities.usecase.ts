import type { OpportunityListQuery } from '../../../shared/contracts/opportunities.contract';
import { assertCan } from '../../../shared/domain/access-policy';
import type { OpportunityRecord } from '../../../shared/domain/opportunity';
import type { Page, Versioned } from '../../../shared/domain/record';
import { visibleOwners } from '../../../shared/domain/record-access';
import { searchTokens } from '../../../shared/domain/text-normalization';
import { requireReadable } from '../record-guards';
import type { UseCaseCall } from '../usecase-context';

export async function getOpportunity({ deps, principal, scope }: UseCaseCall, id: string): Promise<Versioned<OpportunityRecord>> {
  assertCan(principal, 'read', 'opportunity');
  return requireReadable({ principal, scope }, await deps.stores.opportunities.get(principal.tenantId, id), 'opportunity');
}

export async function listOpportunities({ deps, principal, scope }: UseCaseCall, query: OpportunityListQuery): Promise<Page<Versioned<OpportunityRecord>>> {
  assertCan(principal, 'read', 'opportunity');
  const { limit, continuation, q, ...filters } = query;
  const owners = visibleOwners(principal, scope, 'opportunity');
  const filter = {
    ...filters,
    keywords: q ? searchTokens(q) : undefined,
    ...(owners === 'all' ? {} : { visibleOwners: owners, keyAccountIds: scope.keyAccountIds }),
  };
  return deps.stores.opportunities.list(principal.tenantId, filter, { limit, continuation });
}
