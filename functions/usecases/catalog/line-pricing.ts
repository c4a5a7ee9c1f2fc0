/**
 * Loads what pricing needs (the products, the price list) and prices a document's lines with the
 * pure rules of shared/domain/pricing.ts. Prices are taken when a line is priced and then kept:
 * a later price-list change never rewrites a deal, quote or order.
 */
import { defaultPriceList, type PriceListRecord } from '../../../shared/domain/catalog';
import { AppError } from '../../../shared/domain/errors';
import { currencyIssue, priceLines, type LineInput, type LineItem, type PricedProduct } from '../../../shared/domain/pricing';
import { isLive } from '../../../shared/domain/record';
import type { UseCaseDeps } from '../usecase-context';
import { todayOf } from './catalog-support';

export interface LinePricing {
  currency: string;
  /** The document's own price list; the currency's default when absent. */
  priceListId?: string;
  /** Where the lines sit in the request: `products` (a deal) or `lines` (a quote). */
  field: string;
  /** Lines already on the document: their products may stay even if retired since. */
  existing?: readonly LineItem[];
}

/** A live price list of the tenant in the document's currency; `field` names what the caller sent. */
export async function requirePriceList(deps: UseCaseDeps, tenantId: string, id: string, currency: string, field = 'priceListId'): Promise<PriceListRecord> {
  const list = await deps.stores.catalog.priceLists.get(tenantId, id);
  if (!list || !isLive(list)) {
    throw new AppError('VALIDATION', 'The price list does not exist.', { issues: [{ field, message: 'no price list with this id' }] });
  }
  const issue = currencyIssue(list, currency, field);
  if (issue) throw new AppError('VALIDATION', `Price list ${list.name} is in ${list.currency}; the document is in ${currency}.`, { issues: [issue] });
  return list;
}

async function priceListFor(deps: UseCaseDeps, tenantId: string, pricing: LinePricing): Promise<PriceListRecord | undefined> {
  if (pricing.priceListId) return requirePriceList(deps, tenantId, pricing.priceListId, pricing.currency);
  return defaultPriceList(await deps.stores.catalog.priceLists.defaultsFor(tenantId, pricing.currency));
}

/** Prices the lines, or refuses the request naming every line that cannot be priced. */
export async function priceDocumentLines(deps: UseCaseDeps, tenantId: string, inputs: readonly LineInput[], pricing: LinePricing): Promise<LineItem[]> {
  const needsList = inputs.some((input) => input.unitPrice === undefined);
  const [priceList, products] = await Promise.all([
    needsList ? priceListFor(deps, tenantId, pricing) : Promise.resolve(undefined),
    deps.stores.catalog.products.getMany(tenantId, inputs.map((input) => input.productId)),
  ]);
  const sellable = new Map<string, PricedProduct>(
    products.map((product) => [product.id, { id: product.id, sku: product.sku, name: product.name, unitOfMeasure: product.unitOfMeasure, sellable: isLive(product) && product.active }]),
  );
  const { lines, issues } = priceLines(inputs, { currency: pricing.currency, priceList, on: todayOf(deps.now()), products: sellable, existing: pricing.existing, field: pricing.field });
  if (issues.length) throw new AppError('VALIDATION', `Check ${pricing.field}: ${issues[0]?.message ?? 'invalid'}.`, { issues });
  return lines;
}
