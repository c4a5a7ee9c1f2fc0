import type { ProductListQuery } from '../../../../shared/contracts/catalog.contract';
import type { ProductRecord } from '../../../../shared/domain/catalog';
import type { Page, Versioned } from '../../../../shared/domain/record';
import { searchTokens } from '../../../../shared/domain/text-normalization';
import { requireLive } from '../../record-guards';
import type { UseCaseCall } from '../../usecase-context';
import { assertCanReadCatalog } from '../catalog-support';

export async function getProduct({ deps, principal }: UseCaseCall, id: string): Promise<Versioned<ProductRecord>> {
  assertCanReadCatalog(principal);
  return requireLive(await deps.stores.catalog.products.get(principal.tenantId, id), 'product');
}

export async function listProducts({ deps, principal }: UseCaseCall, query: ProductListQuery): Promise<Page<Versioned<ProductRecord>>> {
  assertCanReadCatalog(principal);
  const { limit, continuation, q, ...filters } = query;
  return deps.stores.catalog.products.list(principal.tenantId, { ...filters, keywords: q ? searchTokens(q) : undefined }, { limit, continuation });
}
