import type { ProductUpdate } from '../../../../shared/contracts/catalog.contract';
import { skuKey, type ProductRecord } from '../../../../shared/domain/catalog';
import type { Versioned } from '../../../../shared/domain/record';
import { applyMergePatch } from '../../merge-patch';
import { stamp } from '../../record-guards';
import type { UseCaseCall } from '../../usecase-context';
import { loadCatalogEntryForChange } from '../catalog-support';

/** A new SKU is reserved before the product is saved and the old one freed after, so neither is ever unowned-and-used. */
export async function updateProduct({ deps, principal }: UseCaseCall, id: string, patch: ProductUpdate, ifMatch: string | undefined): Promise<Versioned<ProductRecord>> {
  const { products } = deps.stores.catalog;
  const current = await loadCatalogEntryForChange(principal, products, id, ifMatch, 'product');
  const { etag: _etag, ...record } = current;
  const next: ProductRecord = { ...applyMergePatch<ProductRecord>(record, patch), ...stamp(principal, deps.now()) };
  const skuChanged = skuKey(next.sku) !== skuKey(current.sku);
  if (skuChanged) await products.claimSku(principal.tenantId, next.sku, id, deps.now());
  const saved = await products.replace(next, current.etag, current);
  if (skuChanged) await products.releaseSku(principal.tenantId, current.sku, id);
  return saved;
}
