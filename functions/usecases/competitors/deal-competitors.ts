/**
 * The competitors on a deal, for the opportunity use cases: new ids must be live competitor
 * profiles of the tenant, the list and lost-to must fit the deal's outcome, and the outcome
 * statuses are then derived from the deal (settleDealCompetitors).
 */
import type { DealCompetitor } from '../../../shared/domain/competitor';
import { dealCompetitorIssues, settleDealCompetitors } from '../../../shared/domain/competitor';
import { AppError, type FieldIssue } from '../../../shared/domain/errors';
import type { OpportunityRecord } from '../../../shared/domain/opportunity';
import { isLive } from '../../../shared/domain/record';
import type { UseCaseDeps } from '../usecase-context';

/**
 * Only ids the deal did not have before are looked up: a profile deleted after it was met on the
 * deal stays on it, so editing anything else on the deal keeps working.
 */
async function unknownCompetitorIssues(deps: UseCaseDeps, tenantId: string, next: readonly DealCompetitor[], before: readonly DealCompetitor[]): Promise<FieldIssue[]> {
  const known = new Set(before.map((entry) => entry.competitorId));
  const fresh = next.filter((entry) => !known.has(entry.competitorId)).map((entry) => entry.competitorId);
  if (!fresh.length) return [];
  const live = new Set((await deps.stores.competitors.competitors.getMany(tenantId, fresh)).filter(isLive).map((record) => record.id));
  return next.flatMap((entry, index) =>
    known.has(entry.competitorId) || live.has(entry.competitorId) ? [] : [{ field: `competitors.${index}.competitorId`, message: 'no competitor with this id' }],
  );
}

/**
 * Checks the deal's competitors as they will be saved and returns the deal with their statuses
 * settled. `submitted` is the list the request sent, if any; `before` the saved deal, if any.
 */
export async function withDealCompetitors<T extends OpportunityRecord>(
  deps: UseCaseDeps,
  next: T,
  submitted: readonly DealCompetitor[] | undefined,
  before?: Pick<OpportunityRecord, 'competitors'>,
): Promise<T> {
  const issues = [
    ...(submitted ? await unknownCompetitorIssues(deps, next.tenantId, submitted, before?.competitors ?? []) : []),
    ...dealCompetitorIssues(next, submitted),
  ];
  if (issues.length) {
    throw new AppError('VALIDATION', "The opportunity's competitors do not fit: each must be a competitor profile, once, and lost-to must name one that competed on a lost deal.", { issues });
  }
  return settleDealCompetitors(next);
}

/** A deal entering another stage takes the lost-to competitor given with the move, as it takes its reasons. */
export function withLostTo<T extends OpportunityRecord>(record: T, lostToCompetitorId: string | undefined): T {
  const next = { ...record };
  delete next.lostToCompetitorId;
  if (lostToCompetitorId !== undefined) next.lostToCompetitorId = lostToCompetitorId;
  return next;
}
