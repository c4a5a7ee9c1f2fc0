/**
 * Quotes and orders on the timelines of their opportunity and account. Each event has an id fixed
 * by the document and the event (`quote-sent:<id>`), so a retry writes it once; an entry already
 * there counts as done.
 */
import type { HistoryEntry } from '../../../shared/domain/history';
import type { QuoteRecord } from '../../../shared/domain/quote';
import type { OrderRecord } from '../../../shared/domain/sales-order';

function money(amount: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(amount);
}

function regarding(document: { opportunityId: string; accountId: string }): HistoryEntry['regarding'] {
  return [
    { entity: 'opportunity', id: document.opportunityId },
    { entity: 'account', id: document.accountId },
  ];
}

/** The entry of the quote's latest status change (sent, accepted, rejected); null for any other status. */
export function quoteStatusEntry(quote: QuoteRecord): HistoryEntry | null {
  const at = { sent: quote.sentAt, accepted: quote.acceptedAt, rejected: quote.rejectedAt, draft: undefined, revised: undefined }[quote.status];
  if (!at) return null;
  const label = quote.revision > 1 ? `${quote.number} rev. ${quote.revision}` : quote.number;
  const reason = quote.status === 'rejected' ? quote.rejectionReason : undefined;
  return {
    id: `quote-${quote.status}:${quote.id}`,
    tenantId: quote.tenantId,
    kind: 'status-change',
    occurredAt: at,
    actorId: quote.updatedBy,
    title: `Quote ${label} ${quote.status}`,
    summary: reason ?? `${quote.name}: ${money(quote.total, quote.currency)}`,
    regarding: regarding(quote),
    source: { entity: 'quote', id: quote.id },
    details: { quoteNumber: quote.number, revision: quote.revision, status: quote.status, total: quote.total, currency: quote.currency, ...(reason ? { reason } : {}) },
  };
}

/** The entry of the order's creation, or of its latest status change. */
export function orderEntry(order: OrderRecord): HistoryEntry {
  const event = order.status === 'open' ? 'created' : order.status;
  const at = order.status === 'fulfilled' ? order.fulfilledAt : order.status === 'cancelled' ? order.cancelledAt : order.createdAt;
  return {
    id: `order-${event}:${order.id}`,
    tenantId: order.tenantId,
    kind: 'status-change',
    occurredAt: at ?? order.updatedAt,
    actorId: order.updatedBy,
    title: `Order ${order.number} ${event}`,
    summary: order.cancellationReason ?? `From quote ${order.quoteNumber}: ${money(order.total, order.currency)}`,
    regarding: regarding(order),
    source: { entity: 'order', id: order.id },
    details: { orderNumber: order.number, quoteNumber: order.quoteNumber, status: order.status, total: order.total, currency: order.currency },
  };
}
