/** Competitor profiles, their strategy notes, and the deals and win/loss against them over HTTP. */
import { api } from '../../shared/contracts/api.contract';
import type { Competitor, CompetitorWinLoss } from '../../shared/contracts/competitors.contract';
import type { CompetitorRecord, WinLossFigures } from '../../shared/domain/competitor';
import type { FieldPolicy } from '../../shared/domain/field-security';
import type { Versioned } from '../../shared/domain/record';
import { addStrategyNote } from '../usecases/competitors/add-strategy-note.usecase';
import { competitorWinLoss, listCompetitorDeals } from '../usecases/competitors/competitor-deals.usecase';
import { createCompetitor } from '../usecases/competitors/create-competitor.usecase';
import { deleteCompetitor } from '../usecases/competitors/delete-competitor.usecase';
import { getCompetitor, listCompetitors } from '../usecases/competitors/read-competitors.usecase';
import { updateCompetitor } from '../usecases/competitors/update-competitor.usecase';
import type { EndpointBinding } from './endpoint-binding';
import { bind, callOf } from './endpoint-binding';
import { toHttpEtag } from './http-pipeline';
import { toOpportunity } from './opportunities.routes';
import { toPage } from './record-mappers';

export function toCompetitor(record: Versioned<CompetitorRecord>): Competitor {
  const { tenantId: _tenantId, deletedAt: _deletedAt, etag, ...fields } = record;
  return { ...fields, etag: toHttpEtag(etag) };
}

/**
 * The figures are not a record schema, so field redaction cannot see them: a role from whom the
 * deals' amount is hidden gets the counts without the sums, as it would reading the deals.
 */
export function toWinLoss(figures: WinLossFigures, policy: FieldPolicy): CompetitorWinLoss {
  return policy.hidden('opportunity').has('amount') ? { ...figures, amounts: [] } : figures;
}

function versioned(record: Versioned<CompetitorRecord>, created = false) {
  return { body: toCompetitor(record), etag: record.etag, ...(created ? { headers: { Location: `/api/competitors/${record.id}` } } : {}) };
}

export const competitorRoutes: EndpointBinding[] = [
  bind(api.listCompetitors, async (input) => ({ body: toPage(await listCompetitors(callOf(input), input.query), toCompetitor) })),
  bind(api.createCompetitor, async (input) => versioned(await createCompetitor(callOf(input), input.body), true)),
  bind(api.getCompetitor, async (input) => versioned(await getCompetitor(callOf(input), input.params.id))),
  bind(api.updateCompetitor, async (input) => versioned(await updateCompetitor(callOf(input), input.params.id, input.body, input.ifMatch))),
  bind(api.deleteCompetitor, async (input) => {
    await deleteCompetitor(callOf(input), input.params.id, input.ifMatch);
    return {};
  }),
  bind(api.addCompetitorNote, async (input) => versioned(await addStrategyNote(callOf(input), input.params.id, input.body))),
  bind(api.listCompetitorDeals, async (input) => ({ body: toPage(await listCompetitorDeals(callOf(input), input.params.id, input.query), toOpportunity) })),
  bind(api.getCompetitorWinLoss, async (input) => {
    const call = callOf(input);
    const figures = await competitorWinLoss(call, input.params.id);
    return { body: toWinLoss(figures, await input.services.fieldPolicy(call.principal)) };
  }),
];
