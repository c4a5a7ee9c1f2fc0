import { formatDocumentNumber } from '../../../../shared/domain/document-number';
import { AppError } from '../../../../shared/domain/errors';
import { effectiveQuoteStatus, type QuoteRecord } from '../../../../shared/domain/quote';
import type { Versioned } from '../../../../shared/domain/record';
import { orderFromQuote, type OrderRecord } from '../../../../shared/domain/sales-order';
import { stamp } from '../../record-guards';
import type { UseCaseCall } from '../../usecase-context';
import { derivedId, isAbandoned, newRecord, todayOf } from '../catalog-support';
import { requireQuote } from '../sales-access';
import { recordOnTimelines } from '../../history/record-on-timelines';
import { orderEntry } from '../sales-timeline';

function alreadyOrdered(quote: QuoteRecord, order: OrderRecord): AppError {
  return new AppError('CONFLICT', `Quote ${quote.number} already has order ${order.number}.`, {
    issues: [{ field: 'orderId', message: `is ${order.number} (${order.id})` }],
    headers: { Location: `/api/orders/${order.id}` },
  });
}

function beingOrdered(quote: QuoteRecord, orderId: string): AppError {
  return new AppError('CONFLICT', `The order of quote ${quote.number} is being created right now; read it in a moment.`, {
    issues: [{ field: 'orderId', message: `is ${orderId}` }],
    headers: { Location: `/api/orders/${orderId}`, 'Retry-After': '1' },
  });
}

/** A quote naming an order answers 409 with it, unless the request that named it died before creating it. */
async function refuseUnlessAbandoned(call: UseCaseCall, quote: QuoteRecord & { orderId: string }): Promise<void> {
  const existing = await call.deps.stores.catalog.orders.get(call.principal.tenantId, quote.orderId);
  if (existing) throw alreadyOrdered(quote, existing);
  if (!isAbandoned(quote.updatedAt, call.deps.now())) throw beingOrdered(quote, quote.orderId);
}

/** Marks the quote as being ordered, under its ETag: of requests racing here, exactly one goes on. */
async function claimQuote(call: UseCaseCall, quote: Versioned<QuoteRecord>, orderId: string): Promise<void> {
  const { deps, principal } = call;
  const { etag, ...record } = quote;
  try {
    await deps.stores.catalog.quotes.replace({ ...record, orderId, ...stamp(principal, deps.now()) }, etag);
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'PRECONDITION_FAILED')) throw error;
    const reloaded = await deps.stores.catalog.quotes.get(principal.tenantId, quote.id);
    if (!reloaded?.orderId) throw error;
    await refuseUnlessAbandoned(call, { ...reloaded, orderId: reloaded.orderId });
    throw error;
  }
}

/**
 * The one order of an accepted quote. The quote is claimed first (its ETag lets one request
 * through), then the order number is drawn and the order created under an id derived from the
 * quote, so even a request completing an abandoned claim cannot make a second order.
 */
export async function createOrderFromQuote(call: UseCaseCall, quoteId: string): Promise<Versioned<OrderRecord>> {
  const { deps, principal } = call;
  const { record: quote } = await requireQuote(call, quoteId, 'write');
  const now = deps.now();
  const status = effectiveQuoteStatus(quote, todayOf(now));
  if (status !== 'accepted') {
    throw new AppError('CONFLICT', `Only an accepted quote becomes an order; quote ${quote.number} is ${status}.`, { issues: [{ field: 'status', message: `is ${status}` }] });
  }
  const orderId = derivedId(`order:${quote.id}`);
  if (quote.orderId) await refuseUnlessAbandoned(call, { ...quote, orderId: quote.orderId });
  else await claimQuote(call, quote, orderId);
  const year = now.getUTCFullYear();
  const number = formatDocumentNumber('order', year, await deps.stores.catalog.numbers.next(principal.tenantId, 'order', year));
  const { etag: _etag, ...source } = quote;
  let saved: Versioned<OrderRecord>;
  try {
    saved = await deps.stores.catalog.orders.create(orderFromQuote(source, newRecord(deps, principal, orderId), number));
  } catch (error) {
    const existing = error instanceof AppError && error.code === 'CONFLICT' ? await deps.stores.catalog.orders.get(principal.tenantId, orderId) : null;
    throw existing ? alreadyOrdered(quote, existing) : error;
  }
  await recordOnTimelines(deps, orderEntry(saved));
  return saved;
}
