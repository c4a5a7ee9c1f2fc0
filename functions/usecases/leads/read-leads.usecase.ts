import type { LeadListQuery } from '../../../shared/contracts/leads.contract';
import { assertCan } from '../../../shared/domain/access-policy';
import type { LeadRecord } from '../../../shared/domain/lead';
import type { Page, Versioned } from '../../../shared/domain/record';
import { visibleOwners } from '../../../shared/domain/record-access';
import { searchTokens } from '../../../shared/domain/text-normalization';
import { requireReadable } from '../record-guards';
import type { UseCaseCall } from '../usecase-context';

export async function getLead(call: UseCaseCall, id: string): Promise<Versioned<LeadRecord>> {
  assertCan(call.principal, 'read', 'lead');
  return requireReadable(call, await call.deps.stores.leads.leads.get(call.principal.tenantId, id), 'lead');
}

/** Lists only what the caller may see (today every lead of the tenant, as for contacts). */
export async function listLeads({ deps, principal, scope }: UseCaseCall, query: LeadListQuery): Promise<Page<Versioned<LeadRecord>>> {
  assertCan(principal, 'read', 'lead');
  const { limit, continuation, q, ...filters } = query;
  const owners = visibleOwners(principal, scope, 'lead');
  const filter = { ...filters, keywords: q ? searchTokens(q) : undefined, visibleOwners: owners === 'all' ? undefined : owners };
  return deps.stores.leads.leads.list(principal.tenantId, filter, { limit, continuation });
}
