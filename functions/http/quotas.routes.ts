import type { Quota } from '../../shared/contracts/quotas.contract';
import { quotaEndpoints } from '../../shared/contracts/quotas.api';
import { periodRange, type QuotaRecord } from '../../shared/domain/quota';
import type { Versioned } from '../../shared/domain/record';
import { createQuota, deleteQuota, getQuota, listQuotas, updateQuota } from '../usecases/quotas/quotas.usecase';
import { bind, callOf } from './endpoint-binding';
import { toHttpEtag } from './http-pipeline';
import { toPage } from './record-mappers';

function toQuota(record: Versioned<QuotaRecord>): Quota {
  const { tenantId: _tenantId, deletedAt: _deletedAt, ownerId: _ownerId, etag, ...fields } = record;
  return { ...fields, ...periodRange(record.period), etag: toHttpEtag(etag) };
}

export const quotaRoutes = [
  bind(quotaEndpoints.listQuotas, async (input) => ({ body: toPage(await listQuotas(callOf(input), input.query), toQuota) })),
  bind(quotaEndpoints.createQuota, async (input) => {
    const quota = await createQuota(callOf(input), input.body);
    return { body: toQuota(quota), etag: quota.etag, headers: { Location: `/api/quotas/${quota.id}` } };
  }),
  bind(quotaEndpoints.getQuota, async (input) => {
    const quota = await getQuota(callOf(input), input.params.id);
    return { body: toQuota(quota), etag: quota.etag };
  }),
  bind(quotaEndpoints.updateQuota, async (input) => {
    const quota = await updateQuota(callOf(input), input.params.id, input.body, input.ifMatch);
    return { body: toQuota(quota), etag: quota.etag };
  }),
  bind(quotaEndpoints.deleteQuota, async (input) => {
    await deleteQuota(callOf(input), input.params.id, input.ifMatch);
    return {};
  }),
];
