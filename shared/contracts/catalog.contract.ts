/** Products, price lists, quotes, orders and the ERP export, as the API speaks them. */
import { z } from 'zod';
import { MAX_PRICE_ENTRIES, SKU_PATTERN } from '../domain/catalog';
import { isCurrencyCode } from '../domain/opportunity';
import { MAX_AMOUNT, MAX_LINES, hasAtMostDecimals } from '../domain/pricing';
import { QUOTE_STATUSES, QUOTE_STATUS_CHANGES } from '../domain/quote';
import { ORDER_STATUSES, ORDER_STATUS_CHANGES } from '../domain/sales-order';
import { Keyword, PageQuery, RecordId, RecordMeta, RequiredText, ShortText, pageOf } from './common';

const decimals = (places: number) => (value: number) => hasAtMostDecimals(value, places);

const Price = z
  .number({ message: 'must be a number' })
  .min(0, { message: 'must not be negative' })
  .max(MAX_AMOUNT, { message: 'must be at most 1,000,000,000,000' })
  .refine(decimals(2), { message: 'must have at most 2 decimals' });

const Quantity = z
  .number({ message: 'must be a number' })
  .gt(0, { message: 'must be more than 0' })
  .max(1_000_000, { message: 'must be at most 1,000,000' })
  .refine(decimals(3), { message: 'must have at most 3 decimals' });

const Percent = (places: number) =>
  z
    .number({ message: 'must be a number' })
    .min(0, { message: 'must be between 0 and 100' })
    .max(100, { message: 'must be between 0 and 100' })
    .refine(decimals(places), { message: `must have at most ${places} decimals` });

export const Currency = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCurrencyCode, { message: 'must be an ISO 4217 currency code like USD or EUR' })
  .meta({ description: 'ISO 4217 code, e.g. USD, EUR.' });

const IsoDate = z.iso.date({ message: 'must be a date like 2026-12-31' });
const Reason = RequiredText(500);

// ---- Line items (opportunities, quotes, orders) ----

export const LineItemInput = z
  .strictObject({
    productId: RecordId,
    quantity: Quantity,
    unitPrice: Price.optional().meta({ description: "The price list's price for the product when absent." }),
    discountPercent: Percent(2).optional().meta({ description: 'Percent off this line; 0 when absent.' }),
  })
  .meta({ id: 'LineItemInput' });
export type LineItemInput = z.infer<typeof LineItemInput>;

export const LineItemInputs = z.array(LineItemInput).max(MAX_LINES, { message: `must have at most ${MAX_LINES} lines` });

export const LineItem = z
  .object({
    productId: z.string(),
    sku: z.string(),
    productName: z.string(),
    unitOfMeasure: z.string(),
    quantity: z.number(),
    unitPrice: z.number(),
    discountPercent: z.number(),
    lineTotal: z.number().meta({ description: 'quantity × unitPrice less the discount, rounded half up to the cent.' }),
  })
  .meta({ id: 'LineItem' });

// ---- Products ----

const Sku = z.string().trim().regex(SKU_PATTERN, { message: 'must be 1–64 letters, digits, and . _ / - (starting with a letter or digit)' });
const productFields = {
  sku: Sku.meta({ description: 'Unique in the organisation, ignoring case.' }),
  name: RequiredText(200),
  description: ShortText(2000).optional(),
  productLine: RequiredText(100).optional(),
  unitOfMeasure: RequiredText(40).default('each'),
  active: z.boolean().default(true).meta({ description: 'Retired products stay on existing documents but cannot be added to new lines.' }),
};

export const ProductCreate = z.strictObject(productFields).meta({ id: 'ProductCreate' });
export type ProductCreate = z.infer<typeof ProductCreate>;

export const ProductUpdate = z
  .strictObject({
    sku: Sku.optional(),
    name: productFields.name.optional(),
    description: ShortText(2000).nullable().optional(),
    productLine: RequiredText(100).nullable().optional(),
    unitOfMeasure: RequiredText(40).optional(),
    active: z.boolean().optional(),
  })
  .meta({ id: 'ProductUpdate' });
export type ProductUpdate = z.infer<typeof ProductUpdate>;

export const Product = RecordMeta.extend({
  sku: z.string(),
  name: z.string(),
  description: z.string().optional(),
  productLine: z.string().optional(),
  unitOfMeasure: z.string(),
  active: z.boolean(),
}).meta({ id: 'Product' });
export type Product = z.infer<typeof Product>;

export const ProductListQuery = z.strictObject({
  q: Keyword.optional().meta({ description: 'Keywords matched against name, SKU and product line; every word must match.' }),
  productLine: RequiredText(100).optional(),
  active: z.enum(['true', 'false'], { message: 'must be true or false' }).transform((value) => value === 'true').optional(),
  ...PageQuery,
});
export type ProductListQuery = z.infer<typeof ProductListQuery>;
export const ProductPage = pageOf(Product).meta({ id: 'ProductPage' });

// ---- Price lists ----

const PriceEntry = z.strictObject({ productId: RecordId, unitPrice: Price });
const PriceEntries = z.array(PriceEntry).max(MAX_PRICE_ENTRIES, { message: `must have at most ${MAX_PRICE_ENTRIES} entries` });

export const PriceListCreate = z
  .strictObject({
    name: RequiredText(200),
    currency: Currency,
    description: ShortText(2000).optional(),
    validFrom: IsoDate.optional(),
    validTo: IsoDate.optional(),
    isDefault: z.boolean().default(false).meta({ description: 'Making a list the default of its currency takes the mark from the previous default.' }),
    entries: PriceEntries.default([]),
  })
  .meta({ id: 'PriceListCreate' });
export type PriceListCreate = z.infer<typeof PriceListCreate>;

export const PriceListUpdate = z
  .strictObject({
    name: RequiredText(200).optional(),
    currency: Currency.optional(),
    description: ShortText(2000).nullable().optional(),
    validFrom: IsoDate.nullable().optional(),
    validTo: IsoDate.nullable().optional(),
    isDefault: z.boolean().optional(),
    entries: PriceEntries.optional().meta({ description: 'Replaces every entry (merge-patch replaces arrays whole).' }),
  })
  .meta({ id: 'PriceListUpdate' });
export type PriceListUpdate = z.infer<typeof PriceListUpdate>;

export const PriceList = RecordMeta.extend({
  name: z.string(),
  currency: z.string(),
  description: z.string().optional(),
  validFrom: z.string().optional(),
  validTo: z.string().optional(),
  isDefault: z.boolean(),
  entries: z.array(z.object({ productId: z.string(), unitPrice: z.number() })),
}).meta({ id: 'PriceList' });
export type PriceList = z.infer<typeof PriceList>;

export const PriceListListQuery = z.strictObject({
  currency: Currency.optional(),
  isDefault: z.enum(['true', 'false'], { message: 'must be true or false' }).transform((value) => value === 'true').optional(),
  ...PageQuery,
});
export type PriceListListQuery = z.infer<typeof PriceListListQuery>;
export const PriceListPage = pageOf(PriceList).meta({ id: 'PriceListPage' });

// ---- Quotes ----

const quoteTerms = {
  name: RequiredText(200),
  contactId: RecordId,
  description: ShortText(4000),
  validUntil: IsoDate,
  discountPercent: Percent(2).meta({ description: 'Percent off the whole quote, after line discounts.' }),
  taxRate: Percent(3).meta({ description: 'Percent on the subtotal less the discount.' }),
};

export const QuoteCreate = z
  .strictObject({
    name: quoteTerms.name.optional().meta({ description: "The opportunity's name when absent." }),
    contactId: quoteTerms.contactId.optional().meta({ description: "The opportunity's primary contact when absent." }),
    description: quoteTerms.description.optional(),
    validUntil: quoteTerms.validUntil.optional().meta({ description: '30 days from today when absent.' }),
    discountPercent: quoteTerms.discountPercent.default(0),
    taxRate: quoteTerms.taxRate.default(0),
  })
  .meta({ id: 'QuoteCreate' });
export type QuoteCreate = z.infer<typeof QuoteCreate>;

export const QuoteUpdate = z
  .strictObject({
    name: quoteTerms.name.optional(),
    contactId: quoteTerms.contactId.nullable().optional(),
    description: quoteTerms.description.nullable().optional(),
    validUntil: quoteTerms.validUntil.optional(),
    discountPercent: quoteTerms.discountPercent.optional(),
    taxRate: quoteTerms.taxRate.optional(),
    lines: LineItemInputs.optional().meta({ description: "Replaces every line; a line without unitPrice takes the quote's price list price." }),
  })
  .meta({ id: 'QuoteUpdate' });
export type QuoteUpdate = z.infer<typeof QuoteUpdate>;

export const QuoteStatusChange = z
  .strictObject({ status: z.enum(QUOTE_STATUS_CHANGES, { message: `must be one of ${QUOTE_STATUS_CHANGES.join(', ')}` }), reason: Reason.optional() })
  .meta({ id: 'QuoteStatusChange' });
export type QuoteStatusChange = z.infer<typeof QuoteStatusChange>;

const totals = {
  discountPercent: z.number(),
  taxRate: z.number(),
  subtotal: z.number().meta({ description: 'Sum of the line totals.' }),
  discountAmount: z.number(),
  taxAmount: z.number(),
  total: z.number().meta({ description: 'subtotal − discountAmount + taxAmount.' }),
};

export const Quote = RecordMeta.extend({
  number: z.string(),
  revision: z.number().int(),
  opportunityId: z.string(),
  accountId: z.string(),
  accountName: z.string(),
  contactId: z.string().optional(),
  name: z.string(),
  description: z.string().optional(),
  currency: z.string(),
  priceListId: z.string().optional(),
  lines: z.array(LineItem),
  ...totals,
  validUntil: z.string(),
  status: z.enum(QUOTE_STATUSES).meta({ description: 'A sent quote past validUntil reads as expired.' }),
  sentAt: z.string().optional(),
  acceptedAt: z.string().optional(),
  rejectedAt: z.string().optional(),
  rejectionReason: z.string().optional(),
  previousRevisionId: z.string().optional(),
  nextRevisionId: z.string().optional(),
  orderId: z.string().optional(),
}).meta({ id: 'Quote' });
export type Quote = z.infer<typeof Quote>;
export const QuotePage = pageOf(Quote).meta({ id: 'QuotePage' });

// ---- Orders ----

export const OrderStatusChange = z
  .strictObject({ status: z.enum(ORDER_STATUS_CHANGES, { message: `must be one of ${ORDER_STATUS_CHANGES.join(', ')}` }), reason: Reason.optional() })
  .meta({ id: 'OrderStatusChange' });
export type OrderStatusChange = z.infer<typeof OrderStatusChange>;

export const Order = RecordMeta.extend({
  number: z.string(),
  quoteId: z.string(),
  quoteNumber: z.string(),
  quoteRevision: z.number().int(),
  opportunityId: z.string(),
  accountId: z.string(),
  accountName: z.string(),
  contactId: z.string().optional(),
  currency: z.string(),
  lines: z.array(LineItem),
  ...totals,
  status: z.enum(ORDER_STATUSES),
  fulfilledAt: z.string().optional(),
  cancelledAt: z.string().optional(),
  cancellationReason: z.string().optional(),
}).meta({ id: 'Order' });
export type Order = z.infer<typeof Order>;

// ---- ERP export: field names are a published interface; add fields, never rename them ----

export const ErpOrderQuery = z.strictObject({
  since: z.string().max(4000, { message: 'is too long' }).optional().meta({ description: 'The checkpoint of the previous answer; absent to start from the first order.' }),
  limit: z.coerce.number({ message: 'must be a number' }).int().min(1, { message: 'must be at least 1' }).max(500, { message: 'must be at most 500' }).default(100),
});
export type ErpOrderQuery = z.infer<typeof ErpOrderQuery>;

const ErpOrderLine = z.object({
  lineNumber: z.number().int().meta({ description: '1, 2, ... in the order of the lines.' }),
  productId: z.string(),
  sku: z.string(),
  description: z.string().meta({ description: 'The product name when the order was made.' }),
  quantity: z.number(),
  unitOfMeasure: z.string(),
  unitPrice: z.number(),
  discountPercent: z.number(),
  lineTotal: z.number(),
});

export const ErpOrder = z
  .object({
    orderId: z.string(),
    orderNumber: z.string(),
    status: z.enum(ORDER_STATUSES),
    quoteNumber: z.string(),
    quoteRevision: z.number().int(),
    opportunityId: z.string(),
    customer: z.object({ accountId: z.string(), accountName: z.string(), contactId: z.string().nullable() }),
    currency: z.string(),
    lines: z.array(ErpOrderLine),
    subtotal: z.number(),
    discountPercent: z.number(),
    discountAmount: z.number(),
    taxRate: z.number(),
    taxAmount: z.number(),
    total: z.number(),
    orderedAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    fulfilledAt: z.iso.datetime().nullable(),
    cancelledAt: z.iso.datetime().nullable(),
    changedAt: z.iso.datetime().meta({ description: 'When the store last saved the order (second precision): the export is ordered by it.' }),
  })
  .meta({ id: 'ErpOrder' });
export type ErpOrder = z.infer<typeof ErpOrder>;

export const ErpOrderChanges = z
  .object({
    orders: z.array(ErpOrder).meta({ description: 'Orders created or changed since the checkpoint, oldest change first; an order changed again appears again.' }),
    checkpoint: z.string().meta({ description: 'Send as `since` next time.' }),
    hasMore: z.boolean().meta({ description: 'True when more changes are waiting: ask again at once with the new checkpoint.' }),
  })
  .meta({ id: 'ErpOrderChanges' });
