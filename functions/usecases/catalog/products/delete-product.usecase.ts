import { stamp } from '../../record-guards';
import type { UseCaseCall } from '../../usecase-context';
import { loadCatalogEntryForChange } from '../catalog-support';

/**
 * Soft delete; deals, quotes and orders keep their copies of the product. Its SKU becomes free
 * for a new product (retiring with `active: false` keeps it reserved).
 */
export async function deleteProduct({ deps, principal }: UseCaseCall, id: string, ifMatch: string | undefined): Promise<void> {
  const { products } = deps.stores.catalog;
  const current = await loadCatalogEntryForChange(principal, products, id, ifMatch, 'product');
  const { etag: _etag, ...record } = current;
  const now = deps.now();
  await products.replace({ ...record, ...stamp(principal, now), deletedAt: now.toISOString() }, current.etag, current);
  await products.releaseSku(principal.tenantId, current.sku, id);
}
