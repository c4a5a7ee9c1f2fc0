/**
 * The deals a competitor was met on, and how they went against it, over the deals the caller may
 * see. The figures are computed per request from one query; dashboards will read a rollup kept by
 * a change-feed handler instead, as the pipeline aggregates are.
 */
import type { CompetitorDealsQuery } from '../../../shared/contracts/competitors.contract';
import { assertCan } from '../../../shared/domain/access-policy';
import { winLossOf, type WinLossFigures } from '../../../shared/domain/competitor';
import type { OpportunityRecord } from '../../../shared/domain/opportunity';
import type { Page, Versioned } from '../../../shared/domain/record';
import { visibleOwners } from '../../../shared/domain/record-access';
import type { UseCaseCall } from '../usecase-context';
import { assertCanOnCompetitors, requireCompetitor } from './competitor-access';

/** Reading deals needs the right to read opportunities, and only the caller's visible owners' deals count. */
async function dealScope({ deps, principal, scope }: UseCaseCall, competitorId: string): Promise<string[] | undefined> {
  assertCanOnCompetitors(principal, 'read');
  assertCan(principal, 'read', 'opportunity');
  await requireCompetitor(deps, principal.tenantId, competitorId);
  const owners = visibleOwners(principal, scope, 'opportunity');
  return owners === 'all' ? undefined : owners;
}

export async function listCompetitorDeals(call: UseCaseCall, competitorId: string, query: CompetitorDealsQuery): Promise<Page<Versioned<OpportunityRecord>>> {
  const owners = await dealScope(call, competitorId);
  return call.deps.stores.competitors.deals.page(call.principal.tenantId, competitorId, owners, query);
}

export async function competitorWinLoss(call: UseCaseCall, competitorId: string): Promise<WinLossFigures> {
  const owners = await dealScope(call, competitorId);
  return winLossOf(competitorId, await call.deps.stores.competitors.deals.outcomes(call.principal.tenantId, competitorId, owners));
}
