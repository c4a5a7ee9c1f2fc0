/**
 * Money on deals, quotes and orders. Amounts are decimals with at most 2 decimals in the
 * document's currency. Every computation runs in whole units of the smallest step (cents,
 * thousandths of a unit, hundredths of a percent) with BigInt, so a result is rounded exactly
 * once, half up, and never carries binary-float noise (0.1 + 0.2) into a stored total.
 */
import type { FieldIssue } from './errors';

export const MAX_LINES = 200;
/** The largest amount a document may reach: totals stay exact in cents far below 2^53. */
export const MAX_AMOUNT = 1e12;

/** What a caller gives for a line: the price comes from the price list unless given. */
export interface LineInput {
  productId: string;
  quantity: number;
  unitPrice?: number;
  /** Percent off the line, 0–100, at most 2 decimals; 0 when absent. */
  discountPercent?: number;
}

/** A priced line, with copies of the product's identity so documents stay readable if the product changes. */
export interface LineItem {
  productId: string;
  sku: string;
  productName: string;
  unitOfMeasure: string;
  quantity: number;
  unitPrice: number;
  discountPercent: number;
  /** quantity × unitPrice less the discount, rounded half up to the cent. */
  lineTotal: number;
}

export interface PriceEntry {
  productId: string;
  unitPrice: number;
}

/** What pricing needs of a price list. */
export interface PriceSource {
  id: string;
  name: string;
  currency: string;
  /** Inclusive ISO dates; absent means open-ended. */
  validFrom?: string;
  validTo?: string;
  entries: PriceEntry[];
}

/** What pricing needs of a product: one that may be put on a new line is live and active. */
export interface PricedProduct {
  id: string;
  sku: string;
  name: string;
  unitOfMeasure: string;
  sellable: boolean;
}

export interface DocumentTotals {
  subtotal: number;
  discountAmount: number;
  taxAmount: number;
  total: number;
}

/** Whether a decimal has at most `decimals` decimals, judged on its shortest decimal spelling (no float noise). */
export function hasAtMostDecimals(value: number, decimals: number): boolean {
  return Number.isFinite(value) && Number(value.toFixed(decimals)) === value;
}

const scaled = (value: number, decimals: number): bigint => BigInt(Math.round(value * 10 ** decimals));
const toAmount = (cents: bigint): number => Number(cents) / 100;

/** numerator / denominator rounded half up; both non-negative (prices, quantities and rates are). */
function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

/** quantity (3 decimals) × unit price (cents) × (100 % − discount (2 decimals)), rounded once to the cent. */
export function lineTotal(line: { quantity: number; unitPrice: number; discountPercent: number }): number {
  const numerator = scaled(line.unitPrice, 2) * scaled(line.quantity, 3) * (10_000n - scaled(line.discountPercent, 2));
  return toAmount(divideHalfUp(numerator, 1_000n * 10_000n));
}

/** An opportunity's amount while it has products: the sum of its line totals. */
export function linesAmount(lines: readonly Pick<LineItem, 'lineTotal'>[]): number {
  return toAmount(lines.reduce((sum, line) => sum + scaled(line.lineTotal, 2), 0n));
}

/**
 * A quote's or order's totals: the lines' sum, less a document discount (percent, 2 decimals),
 * plus tax on what remains (rate in percent, up to 3 decimals, e.g. 8.875). Each step rounds
 * half up to the cent, as an invoice prints it.
 */
export function documentTotals(lines: readonly Pick<LineItem, 'lineTotal'>[], discountPercent: number, taxRate: number): DocumentTotals {
  const subtotal = lines.reduce((sum, line) => sum + scaled(line.lineTotal, 2), 0n);
  const discount = divideHalfUp(subtotal * scaled(discountPercent, 2), 10_000n);
  const taxable = subtotal - discount;
  const tax = divideHalfUp(taxable * scaled(taxRate, 3), 100_000n);
  return { subtotal: toAmount(subtotal), discountAmount: toAmount(discount), taxAmount: toAmount(tax), total: toAmount(taxable + tax) };
}

export function isValidOn(list: Pick<PriceSource, 'validFrom' | 'validTo'>, date: string): boolean {
  return (!list.validFrom || list.validFrom <= date) && (!list.validTo || date <= list.validTo);
}

export function listPriceOf(list: Pick<PriceSource, 'entries'>, productId: string): number | undefined {
  return list.entries.find((entry) => entry.productId === productId)?.unitPrice;
}

/** A document takes prices only from a list in its own currency. */
export function currencyIssue(list: Pick<PriceSource, 'name' | 'currency'>, currency: string, field = 'priceListId'): FieldIssue | null {
  if (list.currency === currency) return null;
  return { field, message: `is a price list in ${list.currency} (${list.name}), but the document is in ${currency}` };
}

export interface PricingContext {
  currency: string;
  /** Where missing unit prices come from; absent when the tenant has no list in this currency. */
  priceList?: PriceSource;
  /** The day prices are taken (ISO date): the list must be valid then. */
  on: string;
  products: ReadonlyMap<string, PricedProduct>;
  /** Lines already on the document: their products may stay even if retired since. */
  existing?: readonly LineItem[];
  /** Path prefix of the lines in the request, for naming fields: `products` or `lines`. */
  field: string;
}

function unitPriceFor(input: LineInput, context: PricingContext): number | string {
  if (input.unitPrice !== undefined) return input.unitPrice;
  const list = context.priceList;
  if (!list) return `is required: there is no price list in ${context.currency}`;
  if (list.currency !== context.currency) return `is required: price list ${list.name} is in ${list.currency}, not ${context.currency}`;
  if (!isValidOn(list, context.on)) return `is required: price list ${list.name} is not valid on ${context.on}`;
  return listPriceOf(list, input.productId) ?? `is required: the product is not on price list ${list.name}`;
}

function identityOf(input: LineInput, context: PricingContext): Omit<LineItem, 'quantity' | 'unitPrice' | 'discountPercent' | 'lineTotal'> | undefined {
  const product = context.products.get(input.productId);
  if (product?.sellable) return { productId: product.id, sku: product.sku, productName: product.name, unitOfMeasure: product.unitOfMeasure };
  const kept = context.existing?.find((line) => line.productId === input.productId);
  return kept ? { productId: kept.productId, sku: kept.sku, productName: kept.productName, unitOfMeasure: kept.unitOfMeasure } : undefined;
}

/**
 * Prices each line: the product must be sellable (or already on the document), the unit price is
 * the one given or the list's, the line total follows. Every problem is named by its field.
 */
export function priceLines(inputs: readonly LineInput[], context: PricingContext): { lines: LineItem[]; issues: FieldIssue[] } {
  const lines: LineItem[] = [];
  const issues: FieldIssue[] = [];
  inputs.forEach((input, index) => {
    const identity = identityOf(input, context);
    if (!identity) issues.push({ field: `${context.field}.${index}.productId`, message: 'no active product with this id' });
    const unitPrice = unitPriceFor(input, context);
    if (typeof unitPrice === 'string') issues.push({ field: `${context.field}.${index}.unitPrice`, message: unitPrice });
    if (!identity || typeof unitPrice === 'string') return;
    const priced = { quantity: input.quantity, unitPrice, discountPercent: input.discountPercent ?? 0 };
    lines.push({ ...identity, ...priced, lineTotal: lineTotal(priced) });
  });
  if (linesAmount(lines) > MAX_AMOUNT) issues.push({ field: context.field, message: `must add up to at most ${MAX_AMOUNT.toLocaleString('en-US')}` });
  return { lines, issues };
}

/** Lines sent back as read keep their prices: the stored line becomes the input again. */
export function toLineInput(line: LineItem): LineInput {
  return { productId: line.productId, quantity: line.quantity, unitPrice: line.unitPrice, discountPercent: line.discountPercent };
}
