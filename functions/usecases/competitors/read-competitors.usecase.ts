import type { CompetitorListQuery } from '../../../shared/contracts/competitors.contract';
import type { CompetitorRecord } from '../../../shared/domain/competitor';
import type { Page, Versioned } from '../../../shared/domain/record';
import { searchTokens } from '../../../shared/domain/text-normalization';
import type { UseCaseCall } from '../usecase-context';
import { assertCanOnCompetitors, requireCompetitor } from './competitor-access';

export async function getCompetitor({ deps, principal }: UseCaseCall, id: string): Promise<Versioned<CompetitorRecord>> {
  assertCanOnCompetitors(principal, 'read');
  return requireCompetitor(deps, principal.tenantId, id);
}

export async function listCompetitors({ deps, principal }: UseCaseCall, query: CompetitorListQuery): Promise<Page<Versioned<CompetitorRecord>>> {
  assertCanOnCompetitors(principal, 'read');
  const { limit, continuation, q, threatLevel } = query;
  return deps.stores.competitors.competitors.list(principal.tenantId, { threatLevel, keywords: q ? searchTokens(q) : undefined }, { limit, continuation });
}
