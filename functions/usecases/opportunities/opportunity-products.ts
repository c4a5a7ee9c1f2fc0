/**
 * A deal's products and amount. While a deal has products, its amount is the sum of their line
 * totals, so pipeline and forecast add up to what is being quoted; a deal without products keeps
 * the amount typed by hand. Prices are taken when a line is priced and kept (the price list may
 * change later); a deal's price list must be in the deal's currency.
 */
import type { OpportunityRecord } from '../../../shared/domain/opportunity';
import { roundAmount } from '../../../shared/domain/opportunity';
import { AppError } from '../../../shared/domain/errors';
import { linesAmount, type LineInput, type LineItem } from '../../../shared/domain/pricing';
import { priceDocumentLines, requirePriceList } from '../catalog/line-pricing';
import type { UseCaseDeps } from '../usecase-context';

type DealMoney = Pick<OpportunityRecord, 'amount' | 'currency' | 'priceListId' | 'products'>;

/** What a create or a patch says about the money; `null` clears (merge-patch). */
export interface MoneyChange {
  amount?: number;
  currency?: string;
  priceListId?: string | null;
  products?: LineInput[] | null;
}

/** Merge-patch fields for the deal: `null` removes products or price list. */
export interface MoneyFields {
  amount: number;
  products: LineItem[] | null;
  priceListId: string | null;
}

async function linesAfter(deps: UseCaseDeps, tenantId: string, current: DealMoney | undefined, change: MoneyChange, currency: string, priceListId: string | undefined): Promise<LineItem[]> {
  if (change.products === undefined) {
    const kept = current?.products ?? [];
    if (kept.length && current && currency !== current.currency) {
      throw new AppError('VALIDATION', `The products are priced in ${current.currency}; send them again to price them in ${currency}.`, {
        issues: [{ field: 'currency', message: 'cannot change while the products are priced in another currency; send products too' }],
      });
    }
    return kept;
  }
  if (!change.products?.length) return [];
  return priceDocumentLines(deps, tenantId, change.products, { currency, priceListId, field: 'products', existing: current?.products });
}

/**
 * The deal's amount, products and price list after the change. A given amount that differs from
 * the products' sum is refused rather than silently replaced.
 */
export async function dealMoney(deps: UseCaseDeps, tenantId: string, current: DealMoney | undefined, change: MoneyChange): Promise<MoneyFields> {
  const currency = change.currency ?? current?.currency ?? 'USD';
  const priceListId = change.priceListId === null ? undefined : (change.priceListId ?? current?.priceListId);
  if (priceListId && (change.priceListId || change.currency !== undefined)) {
    await requirePriceList(deps, tenantId, priceListId, currency, change.priceListId ? 'priceListId' : 'currency');
  }
  const lines = await linesAfter(deps, tenantId, current, change, currency, priceListId);
  if (!lines.length) return { amount: roundAmount(change.amount ?? current?.amount ?? 0), products: null, priceListId: priceListId ?? null };
  const amount = linesAmount(lines);
  if (change.amount !== undefined && roundAmount(change.amount) !== amount) {
    throw new AppError('VALIDATION', `With products, the amount is the sum of their line totals (${amount}).`, {
      issues: [{ field: 'amount', message: `must be ${amount}, the sum of the products' line totals, or be left out` }],
    });
  }
  return { amount, products: lines, priceListId: priceListId ?? null };
}
