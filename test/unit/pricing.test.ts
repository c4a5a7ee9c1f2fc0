/** How lines, discounts, taxes and price lists turn into amounts, to the cent. */
import fc from 'fast-check';
import { defaultPriceList, priceListIssues } from '../../shared/domain/catalog';
import {
  currencyIssue,
  documentTotals,
  hasAtMostDecimals,
  isValidOn,
  lineTotal,
  linesAmount,
  priceLines,
  type PricedProduct,
  type PriceSource,
  type PricingContext,
} from '../../shared/domain/pricing';

const licence: PricedProduct = { id: 'p-licence', sku: 'CRM-PRO', name: 'CRM licence', unitOfMeasure: 'user/year', sellable: true };
const retired: PricedProduct = { id: 'p-old', sku: 'OLD-1', name: 'Old product', unitOfMeasure: 'each', sellable: false };
const usd: PriceSource = { id: 'pl-usd', name: 'Standard USD', currency: 'USD', validFrom: '2026-01-01', validTo: '2026-12-31', entries: [{ productId: 'p-licence', unitPrice: 420 }] };

function context(extra: Partial<PricingContext> = {}): PricingContext {
  return { currency: 'USD', priceList: usd, on: '2026-06-01', products: new Map([licence, retired].map((product) => [product.id, product])), field: 'products', ...extra };
}

describe('line totals', () => {
  it('multiplies quantity by unit price and takes the discount off', () => {
    expect(lineTotal({ quantity: 25, unitPrice: 420, discountPercent: 0 })).toBe(10500);
    expect(lineTotal({ quantity: 25, unitPrice: 420, discountPercent: 10 })).toBe(9450);
    expect(lineTotal({ quantity: 3, unitPrice: 19.99, discountPercent: 100 })).toBe(0);
  });

  it('rounds once, half up, to the cent', () => {
    expect(lineTotal({ quantity: 1, unitPrice: 0.05, discountPercent: 50 })).toBe(0.03); // 0.025 → 0.03
    expect(lineTotal({ quantity: 3, unitPrice: 0.1, discountPercent: 0 })).toBe(0.3); // not 0.30000000000000004
    expect(lineTotal({ quantity: 2.5, unitPrice: 1250, discountPercent: 12.5 })).toBe(2734.38); // 2734.375
    expect(lineTotal({ quantity: 0.333, unitPrice: 100, discountPercent: 0 })).toBe(33.3);
  });

  it('never carries float noise: every total has at most 2 decimals', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }).map((n) => n / 1000),
        fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 100),
        fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100),
        (quantity, unitPrice, discountPercent) => hasAtMostDecimals(lineTotal({ quantity, unitPrice, discountPercent }), 2),
      ),
    );
  });

  it('sums line totals exactly for a deal amount', () => {
    expect(linesAmount([{ lineTotal: 0.1 }, { lineTotal: 0.2 }])).toBe(0.3);
    expect(linesAmount([])).toBe(0);
  });
});

describe('document totals', () => {
  it('takes the document discount off the subtotal, then adds tax on the rest', () => {
    expect(documentTotals([{ lineTotal: 10500 }, { lineTotal: 2500 }], 10, 20)).toEqual({ subtotal: 13000, discountAmount: 1300, taxAmount: 2340, total: 14040 });
  });

  it('rounds discount and tax half up, and accepts tax rates like 8.875 %', () => {
    expect(documentTotals([{ lineTotal: 99.99 }], 0, 8.875)).toEqual({ subtotal: 99.99, discountAmount: 0, taxAmount: 8.87, total: 108.86 });
    expect(documentTotals([{ lineTotal: 0.05 }], 50, 0)).toEqual({ subtotal: 0.05, discountAmount: 0.03, taxAmount: 0, total: 0.02 });
  });

  it('is all zeros without lines', () => {
    expect(documentTotals([], 10, 20)).toEqual({ subtotal: 0, discountAmount: 0, taxAmount: 0, total: 0 });
  });
});

describe('pricing lines from a price list', () => {
  it("takes the list's price when none is given, and keeps a given one", () => {
    const { lines, issues } = priceLines(
      [
        { productId: 'p-licence', quantity: 10 },
        { productId: 'p-licence', quantity: 10, unitPrice: 400, discountPercent: 5 },
      ],
      context(),
    );
    expect(issues).toEqual([]);
    expect(lines).toEqual([
      { productId: 'p-licence', sku: 'CRM-PRO', productName: 'CRM licence', unitOfMeasure: 'user/year', quantity: 10, unitPrice: 420, discountPercent: 0, lineTotal: 4200 },
      { productId: 'p-licence', sku: 'CRM-PRO', productName: 'CRM licence', unitOfMeasure: 'user/year', quantity: 10, unitPrice: 400, discountPercent: 5, lineTotal: 3800 },
    ]);
  });

  it('needs a list in the document currency, valid on the day, that prices the product', () => {
    const line = [{ productId: 'p-licence', quantity: 1 }];
    const message = (extra: Partial<PricingContext>) => priceLines(line, context(extra)).issues.map((issue) => `${issue.field}: ${issue.message}`);
    expect(message({ priceList: undefined, currency: 'GBP' })).toEqual(['products.0.unitPrice: is required: there is no price list in GBP']);
    expect(message({ currency: 'EUR' })).toEqual(['products.0.unitPrice: is required: price list Standard USD is in USD, not EUR']);
    expect(message({ on: '2027-01-01' })).toEqual(['products.0.unitPrice: is required: price list Standard USD is not valid on 2027-01-01']);
    expect(message({ priceList: { ...usd, entries: [] } })).toEqual(['products.0.unitPrice: is required: the product is not on price list Standard USD']);
    expect(priceLines([{ productId: 'p-licence', quantity: 1, unitPrice: 300 }], context({ priceList: undefined, currency: 'GBP' })).issues).toEqual([]);
  });

  it('refuses retired and unknown products, unless the line is already on the document', () => {
    const inputs = [
      { productId: 'p-old', quantity: 1, unitPrice: 10 },
      { productId: 'p-unknown', quantity: 1, unitPrice: 10 },
    ];
    expect(priceLines(inputs, context()).issues.map((issue) => issue.field)).toEqual(['products.0.productId', 'products.1.productId']);
    const existing = [{ productId: 'p-old', sku: 'OLD-1', productName: 'Old product', unitOfMeasure: 'each', quantity: 1, unitPrice: 10, discountPercent: 0, lineTotal: 10 }];
    expect(priceLines([inputs[0]!], context({ existing })).issues).toEqual([]);
  });

  it('names the lines by the field of the request', () => {
    expect(priceLines([{ productId: 'p-unknown', quantity: 1, unitPrice: 1 }], context({ field: 'lines' })).issues[0]?.field).toBe('lines.0.productId');
  });

  it('refuses lines adding up beyond the largest amount', () => {
    const big = Array.from({ length: 3 }, () => ({ productId: 'p-licence', quantity: 1_000_000, unitPrice: 500_000 }));
    expect(priceLines(big, context()).issues).toEqual([{ field: 'products', message: 'must add up to at most 1,000,000,000,000' }]);
  });
});

describe('price lists', () => {
  it('are valid between their inclusive dates, open-ended when a date is absent', () => {
    expect(isValidOn(usd, '2026-01-01')).toBe(true);
    expect(isValidOn(usd, '2026-12-31')).toBe(true);
    expect(isValidOn(usd, '2025-12-31')).toBe(false);
    expect(isValidOn({}, '1999-01-01')).toBe(true);
  });

  it('price documents of their own currency only', () => {
    expect(currencyIssue(usd, 'USD')).toBeNull();
    expect(currencyIssue(usd, 'EUR')).toEqual({ field: 'priceListId', message: 'is a price list in USD (Standard USD), but the document is in EUR' });
  });

  it('have one price per product and a period that does not end before it starts', () => {
    const issues = priceListIssues({ validFrom: '2026-06-01', validTo: '2026-01-01', entries: [{ productId: 'a', unitPrice: 1 }, { productId: 'a', unitPrice: 2 }] });
    expect(issues.map((issue) => issue.field)).toEqual(['validTo', 'entries.1.productId']);
  });

  it('resolve two racing defaults to the one saved last, the same for every reader', () => {
    const older = { id: 'b', updatedAt: '2026-01-01T00:00:00.000Z' };
    const newer = { id: 'a', updatedAt: '2026-02-01T00:00:00.000Z' };
    expect(defaultPriceList([older, newer])).toBe(newer);
    expect(defaultPriceList([newer, older])).toBe(newer);
    expect(defaultPriceList([])).toBeUndefined();
  });
});
