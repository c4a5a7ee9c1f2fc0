import { defineEndpoint } from './endpoint';
import { Quota, QuotaCreate, QuotaIdParams, QuotaListQuery, QuotaPage, QuotaUpdate } from './quotas.contract';

export const quotaEndpoints = {
  listQuotas: defineEndpoint({
    id: 'listQuotas', method: 'GET', path: 'quotas', tag: 'quotas', auth: 'user', status: 200,
    summary: 'Quotas by period: managers and admins see all; sellers their own and their teams’.', query: QuotaListQuery, response: QuotaPage,
  }),
  createQuota: defineEndpoint({
    id: 'createQuota', method: 'POST', path: 'quotas', tag: 'quotas', auth: 'user', status: 201, etag: true,
    summary: 'Sets the quota of a user or team for a period (one per subject and period; 409 when it exists).', body: QuotaCreate, response: Quota, errors: [403, 409],
  }),
  getQuota: defineEndpoint({
    id: 'getQuota', method: 'GET', path: 'quotas/{id}', tag: 'quotas', auth: 'user', status: 200, etag: true,
    summary: 'Reads one quota.', params: QuotaIdParams, response: Quota, errors: [404],
  }),
  updateQuota: defineEndpoint({
    id: 'updateQuota', method: 'PATCH', path: 'quotas/{id}', tag: 'quotas', auth: 'user', status: 200, etag: true, ifMatch: true,
    summary: 'Changes a quota’s amount or currency.', params: QuotaIdParams, body: QuotaUpdate, response: Quota, errors: [403, 404, 412, 428],
  }),
  deleteQuota: defineEndpoint({
    id: 'deleteQuota', method: 'DELETE', path: 'quotas/{id}', tag: 'quotas', auth: 'user', status: 204, ifMatch: true,
    summary: 'Removes a quota.', params: QuotaIdParams, errors: [403, 404, 412, 428],
  }),
} as const;
