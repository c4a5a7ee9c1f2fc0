/** Checks and follow-ups every price-list write shares. */
import { priceListIssues, type PriceListRecord } from '../../../../shared/domain/catalog';
import { AppError, type FieldIssue } from '../../../../shared/domain/errors';
import type { Principal } from '../../../../shared/domain/principal';
import { isLive, type Versioned } from '../../../../shared/domain/record';
import { stamp } from '../../record-guards';
import type { UseCaseDeps } from '../../usecase-context';

/**
 * A list is consistent, and entries sent price live products of the tenant. Entries not sent are
 * not checked again: a product deleted since must not block renaming the list.
 */
export async function assertSoundPriceList(deps: UseCaseDeps, tenantId: string, list: PriceListRecord, entriesSent: boolean): Promise<void> {
  const issues: FieldIssue[] = priceListIssues(list);
  if (entriesSent) {
    const found = await deps.stores.catalog.products.getMany(tenantId, list.entries.map((entry) => entry.productId));
    const live = new Set(found.filter(isLive).map((product) => product.id));
    list.entries.forEach((entry, index) => {
      if (!live.has(entry.productId)) issues.push({ field: `entries.${index}.productId`, message: 'no product with this id' });
    });
  }
  if (issues.length) throw new AppError('VALIDATION', `Check the price list: ${issues[0]?.message ?? 'invalid'}.`, { issues });
}

/**
 * One default per currency: the list just saved as default takes the mark from the others. A
 * list someone changes meanwhile keeps it, and readers then take the most recently saved.
 */
export async function takeDefaultMark(deps: UseCaseDeps, principal: Principal, saved: Versioned<PriceListRecord>): Promise<void> {
  if (!saved.isDefault) return;
  const { priceLists } = deps.stores.catalog;
  const others = (await priceLists.defaultsFor(principal.tenantId, saved.currency)).filter((list) => list.id !== saved.id);
  for (const { etag, ...other } of others) {
    try {
      await priceLists.replace({ ...other, isDefault: false, ...stamp(principal, deps.now()) }, etag);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'PRECONDITION_FAILED')) throw error;
    }
  }
}
