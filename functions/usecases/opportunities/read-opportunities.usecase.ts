import type { OpportunityListQuery } from '../../../shared/contracts/opportunities.contract';
import { assertCan } from '../../../shared/domain/access-policy';
import type { OpportunityRecord } from '../../../shared/domain/opportunity';
import type { Page, Versioned } from '../../../shared/domain/record';
import { searchTokens } from '../../../shared/domain/text-normalization';
import { requireLive } from '../record-guards';
import type { UseCaseCall } from '../usecase-context';

export async function getOpportunity({ deps, principal }: UseCaseCall, id: string): Promise<Versioned<OpportunityRecord>> {
  assertCan(principal, 'read', 'opportunity');
  return requireLive(await deps.stores.opportunities.get(principal.tenantId, id), 'opportunity');
}

export async function listOpportunities({ deps, principal }: UseCaseCall, query: OpportunityListQuery): Promise<Page<Versioned<OpportunityRecord>>> {
  assertCan(principal, 'read', 'opportunity');
  const { limit, continuation, q, ...filters } = query;
  return deps.stores.opportunities.list(principal.tenantId, { ...filters, keywords: q ? searchTokens(q) : undefined }, { limit, continuation });
}
