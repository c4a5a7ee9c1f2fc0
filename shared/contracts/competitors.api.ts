import { IdParams } from './common';
import {
  Competitor,
  CompetitorCreate,
  CompetitorDealsQuery,
  CompetitorListQuery,
  CompetitorPage,
  CompetitorUpdate,
  CompetitorWinLoss,
  StrategyNoteCreate,
} from './competitors.contract';
import { defineEndpoint } from './endpoint';
import { OpportunityPage } from './opportunities.contract';

export const competitorEndpoints = {
  listCompetitors: defineEndpoint({
    id: 'listCompetitors', method: 'GET', path: 'competitors', tag: 'competitors', auth: 'user', status: 200,
    summary: 'Lists competitor profiles by name, filtered by keywords (name, website, products) and threat level.',
    query: CompetitorListQuery, response: CompetitorPage, errors: [403],
  }),
  createCompetitor: defineEndpoint({
    id: 'createCompetitor', method: 'POST', path: 'competitors', tag: 'competitors', auth: 'user', status: 201, etag: true,
    summary: 'Adds a competitor profile (sales reps, managers, administrators); 409 when the name is taken.',
    body: CompetitorCreate, response: Competitor, errors: [403, 409, 413, 415],
  }),
  getCompetitor: defineEndpoint({
    id: 'getCompetitor', method: 'GET', path: 'competitors/{id}', tag: 'competitors', auth: 'user', status: 200, etag: true,
    summary: 'Reads one competitor profile with its strategy notes.', params: IdParams, response: Competitor, errors: [403, 404],
  }),
  updateCompetitor: defineEndpoint({
    id: 'updateCompetitor', method: 'PATCH', path: 'competitors/{id}', tag: 'competitors', auth: 'user', status: 200, etag: true, ifMatch: true,
    summary: 'Changes the given fields of a competitor profile (merge-patch).',
    params: IdParams, body: CompetitorUpdate, response: Competitor, errors: [403, 404, 409, 412, 428],
  }),
  deleteCompetitor: defineEndpoint({
    id: 'deleteCompetitor', method: 'DELETE', path: 'competitors/{id}', tag: 'competitors', auth: 'user', status: 204, ifMatch: true,
    summary: 'Deletes a competitor profile (a tombstone); deals keep naming it, its name becomes free.', params: IdParams, errors: [403, 404, 412, 428],
  }),
  addCompetitorNote: defineEndpoint({
    id: 'addCompetitorNote', method: 'POST', path: 'competitors/{id}/notes', tag: 'competitors', auth: 'user', status: 201, etag: true,
    summary: 'Appends a dated strategy note to the profile (no If-Match: notes only ever add up); answers the profile.',
    params: IdParams, body: StrategyNoteCreate, response: Competitor, errors: [403, 404, 409, 413, 415],
  }),
  listCompetitorDeals: defineEndpoint({
    id: 'listCompetitorDeals', method: 'GET', path: 'competitors/{id}/deals', tag: 'competitors', auth: 'user', status: 200,
    summary: 'The deals this competitor was met on that you may see, by name, one page at a time.',
    params: IdParams, query: CompetitorDealsQuery, response: OpportunityPage, errors: [403, 404],
  }),
  getCompetitorWinLoss: defineEndpoint({
    id: 'getCompetitorWinLoss', method: 'GET', path: 'competitors/{id}/win-loss', tag: 'competitors', auth: 'user', status: 200,
    summary: 'Counts and amounts won and lost against this competitor, over the deals you may see (computed on request).',
    params: IdParams, response: CompetitorWinLoss, errors: [403, 404],
  }),
} as const;
