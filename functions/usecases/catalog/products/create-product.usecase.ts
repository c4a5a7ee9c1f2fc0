import type { ProductCreate } from '../../../../shared/contracts/catalog.contract';
import type { ProductRecord } from '../../../../shared/domain/catalog';
import { AppError } from '../../../../shared/domain/errors';
import type { Versioned } from '../../../../shared/domain/record';
import type { UseCaseCall } from '../../usecase-context';
import { assertCanMaintainCatalog, compact, newRecord } from '../catalog-support';

/** The SKU is reserved first, so two products can never be written with one SKU. */
export async function createProduct({ deps, principal }: UseCaseCall, input: ProductCreate): Promise<Versioned<ProductRecord>> {
  assertCanMaintainCatalog(principal);
  const record: ProductRecord = compact({ ...input, ...newRecord(deps, principal) });
  const { products } = deps.stores.catalog;
  await products.claimSku(principal.tenantId, record.sku, record.id, deps.now());
  try {
    return await products.create(record);
  } catch (error) {
    // CONFLICT: a product with this id exists (a retry), and it is the one holding the SKU.
    if (!(error instanceof AppError && error.code === 'CONFLICT')) await products.releaseSku(principal.tenantId, record.sku, record.id);
    throw error;
  }
}
