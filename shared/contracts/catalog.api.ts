import { z } from 'zod';
import {
  ErpOrderChanges,
  ErpOrderQuery,
  Order,
  OrderStatusChange,
  PriceList,
  PriceListCreate,
  PriceListListQuery,
  PriceListPage,
  PriceListUpdate,
  Product,
  ProductCreate,
  ProductListQuery,
  ProductPage,
  ProductUpdate,
  Quote,
  QuoteCreate,
  QuotePage,
  QuoteStatusChange,
  QuoteUpdate,
} from './catalog.contract';
import { IdParams, PageQuery } from './common';
import { defineEndpoint } from './endpoint';

const QuoteListQuery = z.strictObject({ ...PageQuery });

const productEndpoints = {
  listProducts: defineEndpoint({
    id: 'listProducts', method: 'GET', path: 'products', tag: 'catalog', auth: 'user', status: 200,
    summary: 'Lists products by name, filtered by keywords (name, SKU, product line), product line and active flag.',
    query: ProductListQuery, response: ProductPage, errors: [403],
  }),
  createProduct: defineEndpoint({
    id: 'createProduct', method: 'POST', path: 'products', tag: 'catalog', auth: 'user', status: 201, etag: true,
    summary: 'Adds a product to the catalogue (administrators); 409 when its SKU is taken.', body: ProductCreate, response: Product, errors: [403, 409, 413, 415],
  }),
  getProduct: defineEndpoint({
    id: 'getProduct', method: 'GET', path: 'products/{id}', tag: 'catalog', auth: 'user', status: 200, etag: true,
    summary: 'Reads one product.', params: IdParams, response: Product, errors: [403, 404],
  }),
  updateProduct: defineEndpoint({
    id: 'updateProduct', method: 'PATCH', path: 'products/{id}', tag: 'catalog', auth: 'user', status: 200, etag: true, ifMatch: true,
    summary: 'Changes the given fields of a product (merge-patch, administrators).', params: IdParams, body: ProductUpdate, response: Product, errors: [403, 404, 409, 412, 428],
  }),
  deleteProduct: defineEndpoint({
    id: 'deleteProduct', method: 'DELETE', path: 'products/{id}', tag: 'catalog', auth: 'user', status: 204, ifMatch: true,
    summary: 'Deletes a product (administrators); documents that have it keep their copies, its SKU becomes free.', params: IdParams, errors: [403, 404, 412, 428],
  }),
} as const;

const priceListEndpoints = {
  listPriceLists: defineEndpoint({
    id: 'listPriceLists', method: 'GET', path: 'price-lists', tag: 'catalog', auth: 'user', status: 200,
    summary: 'Lists price lists by name, filtered by currency and default flag.', query: PriceListListQuery, response: PriceListPage, errors: [403],
  }),
  createPriceList: defineEndpoint({
    id: 'createPriceList', method: 'POST', path: 'price-lists', tag: 'catalog', auth: 'user', status: 201, etag: true,
    summary: 'Creates a price list (administrators).', body: PriceListCreate, response: PriceList, errors: [403, 413, 415],
  }),
  getPriceList: defineEndpoint({
    id: 'getPriceList', method: 'GET', path: 'price-lists/{id}', tag: 'catalog', auth: 'user', status: 200, etag: true,
    summary: 'Reads one price list with its prices.', params: IdParams, response: PriceList, errors: [403, 404],
  }),
  updatePriceList: defineEndpoint({
    id: 'updatePriceList', method: 'PATCH', path: 'price-lists/{id}', tag: 'catalog', auth: 'user', status: 200, etag: true, ifMatch: true,
    summary: 'Changes a price list (merge-patch, administrators); `entries` replaces every price.', params: IdParams, body: PriceListUpdate, response: PriceList, errors: [403, 404, 412, 428],
  }),
  deletePriceList: defineEndpoint({
    id: 'deletePriceList', method: 'DELETE', path: 'price-lists/{id}', tag: 'catalog', auth: 'user', status: 204, ifMatch: true,
    summary: 'Deletes a price list (administrators); priced documents keep their prices.', params: IdParams, errors: [403, 404, 412, 428],
  }),
} as const;

const quoteEndpoints = {
  listOpportunityQuotes: defineEndpoint({
    id: 'listOpportunityQuotes', method: 'GET', path: 'opportunities/{id}/quotes', tag: 'quotes', auth: 'user', status: 200,
    summary: "The opportunity's quotes by number and revision.", params: IdParams, query: QuoteListQuery, response: QuotePage, errors: [403, 404],
  }),
  createQuote: defineEndpoint({
    id: 'createQuote', method: 'POST', path: 'opportunities/{id}/quotes', tag: 'quotes', auth: 'user', status: 201, etag: true,
    summary: "Creates a draft quote from the opportunity's products, with the next quote number.",
    params: IdParams, body: QuoteCreate, response: Quote, errors: [403, 404, 413, 415],
  }),
  getQuote: defineEndpoint({
    id: 'getQuote', method: 'GET', path: 'quotes/{id}', tag: 'quotes', auth: 'user', status: 200, etag: true,
    summary: 'Reads one quote.', params: IdParams, response: Quote, errors: [403, 404],
  }),
  updateQuote: defineEndpoint({
    id: 'updateQuote', method: 'PATCH', path: 'quotes/{id}', tag: 'quotes', auth: 'user', status: 200, etag: true, ifMatch: true,
    summary: 'Changes a draft quote (merge-patch); `lines` replaces every line. A sent quote answers 409: revise it.',
    params: IdParams, body: QuoteUpdate, response: Quote, errors: [403, 404, 409, 412, 428],
  }),
  changeQuoteStatus: defineEndpoint({
    id: 'changeQuoteStatus', method: 'POST', path: 'quotes/{id}/status', tag: 'quotes', auth: 'user', status: 200, etag: true, ifMatch: true,
    summary: 'Sends a draft, or records the customer accepting or rejecting a sent quote; goes on the timelines.',
    params: IdParams, body: QuoteStatusChange, response: Quote, errors: [403, 404, 409, 412, 428],
  }),
  reviseQuote: defineEndpoint({
    id: 'reviseQuote', method: 'POST', path: 'quotes/{id}/revisions', tag: 'quotes', auth: 'user', status: 201, etag: true,
    summary: 'Creates the next revision (a draft copy with the same number) of a sent, rejected or expired quote, which is closed as revised.',
    params: IdParams, response: Quote, errors: [403, 404, 409],
  }),
  createOrderFromQuote: defineEndpoint({
    id: 'createOrderFromQuote', method: 'POST', path: 'quotes/{id}/order', tag: 'orders', auth: 'user', status: 201, etag: true,
    summary: 'Creates the order of an accepted quote; a quote has one order, a second attempt answers 409 naming it (Location).',
    params: IdParams, response: Order, errors: [403, 404, 409],
  }),
} as const;

const orderEndpoints = {
  getOrder: defineEndpoint({
    id: 'getOrder', method: 'GET', path: 'orders/{id}', tag: 'orders', auth: 'user', status: 200, etag: true,
    summary: 'Reads one order.', params: IdParams, response: Order, errors: [403, 404],
  }),
  changeOrderStatus: defineEndpoint({
    id: 'changeOrderStatus', method: 'POST', path: 'orders/{id}/status', tag: 'orders', auth: 'user', status: 200, etag: true, ifMatch: true,
    summary: 'Marks an open order fulfilled or cancelled.', params: IdParams, body: OrderStatusChange, response: Order, errors: [403, 404, 409, 412, 428],
  }),
  exportErpOrders: defineEndpoint({
    id: 'exportErpOrders', method: 'GET', path: 'erp/orders', tag: 'erp', auth: 'user', status: 200,
    summary: "Orders created or changed since the checkpoint, oldest first, in the ERP's stable format, with the next checkpoint (administrators and sales managers).",
    query: ErpOrderQuery, response: ErpOrderChanges, errors: [403],
  }),
} as const;

export const catalogEndpoints = { ...productEndpoints, ...priceListEndpoints, ...quoteEndpoints, ...orderEndpoints } as const;
