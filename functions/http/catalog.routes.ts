/** Products, price lists, quotes, orders and the ERP export over HTTP: parse, call the use case, map. */
import type { ErpOrder, Order, PriceList, Product, Quote } from '../../shared/contracts/catalog.contract';
import { api } from '../../shared/contracts/api.contract';
import type { PriceListRecord, ProductRecord } from '../../shared/domain/catalog';
import { effectiveQuoteStatus, type QuoteRecord } from '../../shared/domain/quote';
import type { RecordChange, Versioned } from '../../shared/domain/record';
import type { OrderRecord } from '../../shared/domain/sales-order';
import { todayOf } from '../usecases/catalog/catalog-support';
import { changeOrderStatus } from '../usecases/catalog/orders/change-order-status.usecase';
import { createOrderFromQuote } from '../usecases/catalog/orders/create-order.usecase';
import { exportErpOrders } from '../usecases/catalog/orders/export-erp-orders.usecase';
import { getOrder } from '../usecases/catalog/orders/read-orders.usecase';
import { createPriceList } from '../usecases/catalog/price-lists/create-price-list.usecase';
import { deletePriceList } from '../usecases/catalog/price-lists/delete-price-list.usecase';
import { getPriceList, listPriceLists } from '../usecases/catalog/price-lists/read-price-lists.usecase';
import { updatePriceList } from '../usecases/catalog/price-lists/update-price-list.usecase';
import { createProduct } from '../usecases/catalog/products/create-product.usecase';
import { deleteProduct } from '../usecases/catalog/products/delete-product.usecase';
import { getProduct, listProducts } from '../usecases/catalog/products/read-products.usecase';
import { updateProduct } from '../usecases/catalog/products/update-product.usecase';
import { changeQuoteStatus } from '../usecases/catalog/quotes/change-quote-status.usecase';
import { createQuote } from '../usecases/catalog/quotes/create-quote.usecase';
import { getQuote, listOpportunityQuotes } from '../usecases/catalog/quotes/read-quotes.usecase';
import { reviseQuote } from '../usecases/catalog/quotes/revise-quote.usecase';
import { updateQuote } from '../usecases/catalog/quotes/update-quote.usecase';
import { bind, callOf, type EndpointInput } from './endpoint-binding';
import { toHttpEtag } from './http-pipeline';
import { toPage } from './record-mappers';

type Stored<T> = Versioned<T & { tenantId: string; deletedAt: string | null }>;

function withoutStorage<T>(record: Stored<T>) {
  const { tenantId: _tenantId, deletedAt: _deletedAt, etag, ...fields } = record;
  return { ...fields, etag: toHttpEtag(etag) };
}

export const toProduct = (record: Versioned<ProductRecord>): Product => withoutStorage(record);
export const toPriceList = (record: Versioned<PriceListRecord>): PriceList => withoutStorage(record);
export const toOrder = (record: Versioned<OrderRecord>): Order => withoutStorage(record);

/** A sent quote past its valid-until date reads as expired. */
export function toQuote(record: Versioned<QuoteRecord>, today: string): Quote {
  return { ...withoutStorage(record), status: effectiveQuoteStatus(record, today) };
}

/** The ERP's format: names fixed by the published contract, never the stored ones. */
export function toErpOrder({ record, position }: RecordChange<OrderRecord>): ErpOrder {
  return {
    orderId: record.id,
    orderNumber: record.number,
    status: record.status,
    quoteNumber: record.quoteNumber,
    quoteRevision: record.quoteRevision,
    opportunityId: record.opportunityId,
    customer: { accountId: record.accountId, accountName: record.accountName, contactId: record.contactId ?? null },
    currency: record.currency,
    lines: record.lines.map((line, index) => ({
      lineNumber: index + 1,
      productId: line.productId,
      sku: line.sku,
      description: line.productName,
      quantity: line.quantity,
      unitOfMeasure: line.unitOfMeasure,
      unitPrice: line.unitPrice,
      discountPercent: line.discountPercent,
      lineTotal: line.lineTotal,
    })),
    subtotal: record.subtotal,
    discountPercent: record.discountPercent,
    discountAmount: record.discountAmount,
    taxRate: record.taxRate,
    taxAmount: record.taxAmount,
    total: record.total,
    orderedAt: record.createdAt,
    updatedAt: record.updatedAt,
    fulfilledAt: record.fulfilledAt ?? null,
    cancelledAt: record.cancelledAt ?? null,
    changedAt: new Date(position.ts * 1000).toISOString(),
  };
}

function todayFor(input: Pick<EndpointInput<unknown, unknown, unknown>, 'services'>): string {
  return todayOf(input.services.deps.now());
}

/** A write's answer: the record and its version; creates add where it lives. */
function versioned<R>(body: R, record: { id: string; etag: string }, location?: string) {
  return { body, etag: record.etag, ...(location ? { headers: { Location: `${location}/${record.id}` } } : {}) };
}

const productRoutes = [
  bind(api.listProducts, async (input) => ({ body: toPage(await listProducts(callOf(input), input.query), toProduct) })),
  bind(api.createProduct, async (input) => {
    const product = await createProduct(callOf(input), input.body);
    return versioned(toProduct(product), product, '/api/products');
  }),
  bind(api.getProduct, async (input) => {
    const product = await getProduct(callOf(input), input.params.id);
    return versioned(toProduct(product), product);
  }),
  bind(api.updateProduct, async (input) => {
    const product = await updateProduct(callOf(input), input.params.id, input.body, input.ifMatch);
    return versioned(toProduct(product), product);
  }),
  bind(api.deleteProduct, async (input) => {
    await deleteProduct(callOf(input), input.params.id, input.ifMatch);
    return {};
  }),
];

const priceListRoutes = [
  bind(api.listPriceLists, async (input) => ({ body: toPage(await listPriceLists(callOf(input), input.query), toPriceList) })),
  bind(api.createPriceList, async (input) => {
    const list = await createPriceList(callOf(input), input.body);
    return versioned(toPriceList(list), list, '/api/price-lists');
  }),
  bind(api.getPriceList, async (input) => {
    const list = await getPriceList(callOf(input), input.params.id);
    return versioned(toPriceList(list), list);
  }),
  bind(api.updatePriceList, async (input) => {
    const list = await updatePriceList(callOf(input), input.params.id, input.body, input.ifMatch);
    return versioned(toPriceList(list), list);
  }),
  bind(api.deletePriceList, async (input) => {
    await deletePriceList(callOf(input), input.params.id, input.ifMatch);
    return {};
  }),
];

const quoteRoutes = [
  bind(api.listOpportunityQuotes, async (input) => {
    const page = await listOpportunityQuotes(callOf(input), input.params.id, input.query);
    return { body: toPage(page, (quote) => toQuote(quote, todayFor(input))) };
  }),
  bind(api.createQuote, async (input) => {
    const quote = await createQuote(callOf(input), input.params.id, input.body);
    return versioned(toQuote(quote, todayFor(input)), quote, '/api/quotes');
  }),
  bind(api.getQuote, async (input) => {
    const quote = await getQuote(callOf(input), input.params.id);
    return versioned(toQuote(quote, todayFor(input)), quote);
  }),
  bind(api.updateQuote, async (input) => {
    const quote = await updateQuote(callOf(input), input.params.id, input.body, input.ifMatch);
    return versioned(toQuote(quote, todayFor(input)), quote);
  }),
  bind(api.changeQuoteStatus, async (input) => {
    const quote = await changeQuoteStatus(callOf(input), input.params.id, input.body, input.ifMatch);
    return versioned(toQuote(quote, todayFor(input)), quote);
  }),
  bind(api.reviseQuote, async (input) => {
    const quote = await reviseQuote(callOf(input), input.params.id);
    return versioned(toQuote(quote, todayFor(input)), quote, '/api/quotes');
  }),
];

const orderRoutes = [
  bind(api.createOrderFromQuote, async (input) => {
    const order = await createOrderFromQuote(callOf(input), input.params.id);
    return versioned(toOrder(order), order, '/api/orders');
  }),
  bind(api.getOrder, async (input) => {
    const order = await getOrder(callOf(input), input.params.id);
    return versioned(toOrder(order), order);
  }),
  bind(api.changeOrderStatus, async (input) => {
    const order = await changeOrderStatus(callOf(input), input.params.id, input.body, input.ifMatch);
    return versioned(toOrder(order), order);
  }),
  bind(api.exportErpOrders, async (input) => {
    const page = await exportErpOrders(callOf(input), input.query.since, input.query.limit);
    return { body: { orders: page.changes.map(toErpOrder), checkpoint: page.checkpoint, hasMore: page.hasMore } };
  }),
];

export const catalogRoutes = [...productRoutes, ...priceListRoutes, ...quoteRoutes, ...orderRoutes];
