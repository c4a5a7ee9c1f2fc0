import { defineEndpoint } from './endpoint';
import {
  Opportunity,
  OpportunityCreate,
  OpportunityIdParams,
  OpportunityListQuery,
  OpportunityPage,
  OpportunityStageMove,
  OpportunityUpdate,
  SalesStageSettings,
  SalesStagesUpdate,
} from './opportunities.contract';

export const opportunityEndpoints = {
  listOpportunities: defineEndpoint({
    id: 'listOpportunities', method: 'GET', path: 'opportunities', tag: 'opportunities', auth: 'user', status: 200,
    summary: 'Lists opportunities by name, filtered (account, owner, stage, status, close dates, amount), one page at a time.',
    query: OpportunityListQuery, response: OpportunityPage, errors: [403],
  }),
  createOpportunity: defineEndpoint({
    id: 'createOpportunity', method: 'POST', path: 'opportunities', tag: 'opportunities', auth: 'user', status: 201, etag: true,
    summary: 'Creates an opportunity for an account.', body: OpportunityCreate, response: Opportunity, errors: [403, 413, 415],
  }),
  getOpportunity: defineEndpoint({
    id: 'getOpportunity', method: 'GET', path: 'opportunities/{id}', tag: 'opportunities', auth: 'user', status: 200, etag: true,
    summary: 'Reads one opportunity.', params: OpportunityIdParams, response: Opportunity, errors: [403, 404],
  }),
  updateOpportunity: defineEndpoint({
    id: 'updateOpportunity', method: 'PATCH', path: 'opportunities/{id}', tag: 'opportunities', auth: 'user', status: 200, etag: true, ifMatch: true,
    summary: 'Changes the given fields of an opportunity (merge-patch); a new stage is recorded as a stage move.',
    params: OpportunityIdParams, body: OpportunityUpdate, response: Opportunity, errors: [403, 404, 412, 428],
  }),
  deleteOpportunity: defineEndpoint({
    id: 'deleteOpportunity', method: 'DELETE', path: 'opportunities/{id}', tag: 'opportunities', auth: 'user', status: 204, ifMatch: true,
    summary: 'Deletes an opportunity (kept as a tombstone for sync).', params: OpportunityIdParams, errors: [403, 404, 412, 428],
  }),
  moveOpportunityStage: defineEndpoint({
    id: 'moveOpportunityStage', method: 'POST', path: 'opportunities/{id}/stage', tag: 'opportunities', auth: 'user', status: 200, etag: true, ifMatch: true,
    summary: 'Moves an opportunity to another stage (the add-ins\' quick action); the move goes on its and its account\'s timelines.',
    params: OpportunityIdParams, body: OpportunityStageMove, response: Opportunity, errors: [403, 404, 412, 413, 415, 428],
  }),
  getSalesStages: defineEndpoint({
    id: 'getSalesStages', method: 'GET', path: 'settings/sales-stages', tag: 'settings', auth: 'user', status: 200, etag: true,
    summary: "The organisation's sales stages in pipeline order, with their default probabilities.", response: SalesStageSettings, errors: [403],
  }),
  updateSalesStages: defineEndpoint({
    id: 'updateSalesStages', method: 'PUT', path: 'settings/sales-stages', tag: 'settings', auth: 'user', status: 200, etag: true, ifMatch: true,
    summary: 'Replaces the sales stages (administrators). A stage that open opportunities are at cannot be removed.',
    body: SalesStagesUpdate, response: SalesStageSettings, errors: [403, 412, 413, 415, 428],
  }),
} as const;
