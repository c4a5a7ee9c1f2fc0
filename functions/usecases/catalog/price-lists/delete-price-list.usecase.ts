import { requireCurrentVersion, requireIfMatch, requireLive, stamp } from '../../record-guards';
import type { UseCaseCall } from '../../usecase-context';
import { assertCanMaintainCatalog } from '../catalog-support';

/** Soft delete; documents priced from it keep their prices, deals naming it must name another to price new lines. */
export async function deletePriceList({ deps, principal }: UseCaseCall, id: string, ifMatch: string | undefined): Promise<void> {
  assertCanMaintainCatalog(principal);
  const etag = requireIfMatch(ifMatch);
  const { priceLists } = deps.stores.catalog;
  const current = requireLive(await priceLists.get(principal.tenantId, id), 'price list');
  requireCurrentVersion(current, etag, 'price list');
  const { etag: _etag, ...record } = current;
  const now = deps.now();
  await priceLists.replace({ ...record, ...stamp(principal, now), deletedAt: now.toISOString() }, current.etag, current);
}
