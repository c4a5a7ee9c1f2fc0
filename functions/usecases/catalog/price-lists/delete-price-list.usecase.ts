import { stamp } from '../../record-guards';
import type { UseCaseCall } from '../../usecase-context';
import { loadCatalogEntryForChange } from '../catalog-support';

/** Soft delete; documents priced from it keep their prices, deals naming it must name another to price new lines. */
export async function deletePriceList({ deps, principal }: UseCaseCall, id: string, ifMatch: string | undefined): Promise<void> {
  const { priceLists } = deps.stores.catalog;
  const current = await loadCatalogEntryForChange(principal, priceLists, id, ifMatch, 'price list');
  const { etag: _etag, ...record } = current;
  const now = deps.now();
  await priceLists.replace({ ...record, ...stamp(principal, now), deletedAt: now.toISOString() }, current.etag, current);
}
