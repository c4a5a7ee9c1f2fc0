import type { PriceListUpdate } from '../../../../shared/contracts/catalog.contract';
import type { PriceListRecord } from '../../../../shared/domain/catalog';
import type { Versioned } from '../../../../shared/domain/record';
import { applyMergePatch } from '../../merge-patch';
import { stamp } from '../../record-guards';
import type { UseCaseCall } from '../../usecase-context';
import { loadCatalogEntryForChange } from '../catalog-support';
import { assertSoundPriceList, takeDefaultMark } from './price-list-rules';

/** Documents already priced from the list keep their prices; new lines take the new ones. */
export async function updatePriceList({ deps, principal }: UseCaseCall, id: string, patch: PriceListUpdate, ifMatch: string | undefined): Promise<Versioned<PriceListRecord>> {
  const { priceLists } = deps.stores.catalog;
  const current = await loadCatalogEntryForChange(principal, priceLists, id, ifMatch, 'price list');
  const { etag: _etag, ...record } = current;
  const next: PriceListRecord = { ...applyMergePatch<PriceListRecord>(record, patch), ...stamp(principal, deps.now()) };
  await assertSoundPriceList(deps, principal.tenantId, next, patch.entries !== undefined);
  const saved = await priceLists.replace(next, current.etag, current);
  await takeDefaultMark(deps, principal, saved);
  return saved;
}
