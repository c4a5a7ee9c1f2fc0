import type { PriceListCreate } from '../../../../shared/contracts/catalog.contract';
import type { PriceListRecord } from '../../../../shared/domain/catalog';
import type { Versioned } from '../../../../shared/domain/record';
import type { UseCaseCall } from '../../usecase-context';
import { assertCanMaintainCatalog, compact, newRecord } from '../catalog-support';
import { assertSoundPriceList, takeDefaultMark } from './price-list-rules';

export async function createPriceList({ deps, principal }: UseCaseCall, input: PriceListCreate): Promise<Versioned<PriceListRecord>> {
  assertCanMaintainCatalog(principal);
  const record: PriceListRecord = compact({ ...input, ...newRecord(deps, principal) });
  await assertSoundPriceList(deps, principal.tenantId, record, true);
  const saved = await deps.stores.catalog.priceLists.create(record);
  await takeDefaultMark(deps, principal, saved);
  return saved;
}
