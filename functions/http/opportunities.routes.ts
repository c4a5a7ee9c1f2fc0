import { api } from '../../shared/contracts/api.contract';
import type { Opportunity, SalesStageSettings } from '../../shared/contracts/opportunities.contract';
import { weightedAmount, type OpportunityRecord } from '../../shared/domain/opportunity';
import type { Versioned } from '../../shared/domain/record';
import { createOpportunity } from '../usecases/opportunities/create-opportunity.usecase';
import { deleteOpportunity } from '../usecases/opportunities/delete-opportunity.usecase';
import { moveOpportunityStage } from '../usecases/opportunities/move-opportunity-stage.usecase';
import type { TenantStages } from '../usecases/opportunities/opportunity-rules';
import { getOpportunity, listOpportunities } from '../usecases/opportunities/read-opportunities.usecase';
import { getSalesStages, updateSalesStages } from '../usecases/opportunities/sales-stages.usecase';
import { updateOpportunity } from '../usecases/opportunities/update-opportunity.usecase';
import { bind, callOf } from './endpoint-binding';
import { toHttpEtag } from './http-pipeline';
import { toPage } from './record-mappers';

export function toOpportunity(record: Versioned<OpportunityRecord>): Opportunity {
  const { tenantId: _tenantId, deletedAt: _deletedAt, etag, ...fields } = record;
  return { ...fields, weightedAmount: weightedAmount(record), etag: toHttpEtag(etag) };
}

function toSalesStageSettings(settings: TenantStages): SalesStageSettings {
  const { stages, stored, etag, updatedAt, updatedBy } = settings;
  return { stages, isDefault: !stored, etag: toHttpEtag(etag), updatedAt, updatedBy };
}

function withVersion(record: Versioned<OpportunityRecord>) {
  return { body: toOpportunity(record), etag: record.etag };
}

export const opportunityRoutes = [
  bind(api.listOpportunities, async (input) => ({ body: toPage(await listOpportunities(callOf(input), input.query), toOpportunity) })),
  bind(api.createOpportunity, async (input) => {
    const opportunity = await createOpportunity(callOf(input), input.body);
    return { ...withVersion(opportunity), headers: { Location: `/api/opportunities/${opportunity.id}` } };
  }),
  bind(api.getOpportunity, async (input) => withVersion(await getOpportunity(callOf(input), input.params.id))),
  bind(api.updateOpportunity, async (input) => withVersion(await updateOpportunity(callOf(input), input.params.id, input.body, input.ifMatch))),
  bind(api.deleteOpportunity, async (input) => {
    await deleteOpportunity(callOf(input), input.params.id, input.ifMatch);
    return {};
  }),
  bind(api.moveOpportunityStage, async (input) => withVersion(await moveOpportunityStage(callOf(input), input.params.id, input.body, input.ifMatch))),
  bind(api.getSalesStages, async (input) => {
    const settings = await getSalesStages(callOf(input));
    return { body: toSalesStageSettings(settings), etag: settings.etag };
  }),
  bind(api.updateSalesStages, async (input) => {
    const settings = await updateSalesStages(callOf(input), input.body, input.ifMatch);
    return { body: toSalesStageSettings(settings), etag: settings.etag };
  }),
];
