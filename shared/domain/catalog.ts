/**
 * The product catalogue: products (a SKU unique per tenant) and price lists (prices per product
 * in one currency, valid over a period, one default per currency). Administrators maintain it;
 * everyone with a CRM role reads it. Quotes and orders (quote.ts, sales-order.ts) copy what
 * they need, so a later catalogue change never rewrites a document a customer has seen.
 */
import type { NumberSequence } from './document-number';
import type { PriceEntry } from './pricing';
import type { OrderRepository } from './sales-order';
import type { QuoteRepository } from './quote';
import type { Page, PageRequest, RecordBase, Versioned } from './record';
import type { RecordRepository } from './repositories';
import { buildSearchText, buildSortKey } from './text-normalization';

export const MAX_PRICE_ENTRIES = 1000;
export const SKU_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/;

export interface ProductRecord extends RecordBase {
  /** Unique per tenant, compared without regard to case (see skuKey). */
  sku: string;
  name: string;
  description?: string;
  /** A grouping for reports and search, e.g. "Licences" or "Services". */
  productLine?: string;
  /** How quantities are counted: each, user/year, day, ... */
  unitOfMeasure: string;
  /** Retired products stay on the documents that have them but cannot be put on new lines. */
  active: boolean;
}

export interface PriceListRecord extends RecordBase {
  name: string;
  currency: string;
  description?: string;
  /** Inclusive ISO dates; absent means open-ended. */
  validFrom?: string;
  validTo?: string;
  /** The list a deal in this currency takes its prices from unless it names another. */
  isDefault: boolean;
  /** At most one entry per product. */
  entries: PriceEntry[];
}

export interface ProductFilter {
  keywords?: string[];
  productLine?: string;
  active?: boolean;
}

export interface PriceListFilter {
  currency?: string;
  isDefault?: boolean;
}

export interface ProductRepository extends RecordRepository<ProductRecord> {
  /** Live products sorted by name. */
  list(tenantId: string, filter: ProductFilter, page: PageRequest): Promise<Page<Versioned<ProductRecord>>>;
  /**
   * Reserves the SKU for the product before it is written. CONFLICT (naming the holder) when a
   * live product has it; a reservation left by a write that never finished is taken over.
   */
  claimSku(tenantId: string, sku: string, productId: string, now: Date): Promise<void>;
  /** Frees the SKU after the product gave it up (renamed or deleted); no-op if another holds it. */
  releaseSku(tenantId: string, sku: string, productId: string): Promise<void>;
}

export interface PriceListRepository extends RecordRepository<PriceListRecord> {
  /** Live price lists sorted by name. */
  list(tenantId: string, filter: PriceListFilter, page: PageRequest): Promise<Page<Versioned<PriceListRecord>>>;
  /** Live lists marked default for the currency (normally one; see defaultPriceList). */
  defaultsFor(tenantId: string, currency: string): Promise<Array<Versioned<PriceListRecord>>>;
}

export interface CatalogStores {
  products: ProductRepository;
  priceLists: PriceListRepository;
  quotes: QuoteRepository;
  orders: OrderRepository;
  /** Quote and order numbers, per tenant and year. */
  numbers: NumberSequence;
}

/** SKUs compare as people read them: "ab-100" and "AB-100" are one SKU. */
export function skuKey(sku: string): string {
  return sku.trim().toUpperCase();
}

export function productSortKey(record: Pick<ProductRecord, 'name' | 'id'>): string {
  return buildSortKey(record.name, record.id);
}

export function productSearchText(record: Pick<ProductRecord, 'name' | 'sku' | 'productLine'>): string {
  return buildSearchText([record.name, record.sku, record.productLine]);
}

export function priceListSortKey(record: Pick<PriceListRecord, 'name' | 'id'>): string {
  return buildSortKey(record.name, record.id);
}

/**
 * Two lists marked default for one currency can only come from two administrators saving at the
 * same moment (each save clears the others afterwards); the one saved last wins, so every reader
 * picks the same one.
 */
export function defaultPriceList<T extends Pick<PriceListRecord, 'updatedAt' | 'id'>>(candidates: readonly T[]): T | undefined {
  return [...candidates].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id))[0];
}

/** A price list's own consistency: one entry per product, a period that does not end before it starts. */
export function priceListIssues(list: Pick<PriceListRecord, 'validFrom' | 'validTo' | 'entries'>): Array<{ field: string; message: string }> {
  const issues: Array<{ field: string; message: string }> = [];
  if (list.validFrom && list.validTo && list.validTo < list.validFrom) issues.push({ field: 'validTo', message: 'must not be before validFrom' });
  const seen = new Set<string>();
  list.entries.forEach((entry, index) => {
    if (seen.has(entry.productId)) issues.push({ field: `entries.${index}.productId`, message: 'has a price earlier in this list' });
    seen.add(entry.productId);
  });
  return issues;
}
