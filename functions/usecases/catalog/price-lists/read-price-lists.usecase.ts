import type { PriceListListQuery } from '../../../../shared/contracts/catalog.contract';
import type { PriceListRecord } from '../../../../shared/domain/catalog';
import type { Page, Versioned } from '../../../../shared/domain/record';
import { requireLive } from '../../record-guards';
import type { UseCaseCall } from '../../usecase-context';
import { assertCanReadCatalog } from '../catalog-support';

export async function getPriceList({ deps, principal }: UseCaseCall, id: string): Promise<Versioned<PriceListRecord>> {
  assertCanReadCatalog(principal);
  return requireLive(await deps.stores.catalog.priceLists.get(principal.tenantId, id), 'price list');
}

export async function listPriceLists({ deps, principal }: UseCaseCall, query: PriceListListQuery): Promise<Page<Versioned<PriceListRecord>>> {
  assertCanReadCatalog(principal);
  const { limit, continuation, ...filter } = query;
  return deps.stores.catalog.priceLists.list(principal.tenantId, filter, { limit, continuation });
}
