/**
 * Sales orders: what a customer bought, made once from an accepted quote and handed to the ERP.
 * An order copies the quote's lines and totals, so later quote revisions or catalogue changes
 * never alter it. It is open until fulfilled or cancelled; both are final.
 */
import { AppError } from './errors';
import type { DocumentTotals, LineItem } from './pricing';
import type { QuoteRecord } from './quote';
import type { RecordBase } from './record';
import type { ChangeSource, RecordRepository } from './repositories';

export const ORDER_STATUSES = ['open', 'fulfilled', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export const ORDER_STATUS_CHANGES = ['fulfilled', 'cancelled'] as const;
export type OrderStatusChange = (typeof ORDER_STATUS_CHANGES)[number];

export interface OrderRecord extends RecordBase, DocumentTotals {
  /** SO-2026-00007: the key the ERP files it under. */
  number: string;
  quoteId: string;
  quoteNumber: string;
  quoteRevision: number;
  opportunityId: string;
  accountId: string;
  accountName: string;
  contactId?: string;
  currency: string;
  lines: LineItem[];
  discountPercent: number;
  taxRate: number;
  status: OrderStatus;
  fulfilledAt?: string;
  cancelledAt?: string;
  cancellationReason?: string;
}

/** Orders are never deleted (cancelled instead); the ERP export walks their changes. */
export type OrderRepository = RecordRepository<OrderRecord> & ChangeSource<OrderRecord>;

/** The order of an accepted quote: its lines and money exactly as the customer accepted them. */
export function orderFromQuote(quote: QuoteRecord, base: RecordBase, number: string): OrderRecord {
  return {
    ...base,
    number,
    quoteId: quote.id,
    quoteNumber: quote.number,
    quoteRevision: quote.revision,
    opportunityId: quote.opportunityId,
    accountId: quote.accountId,
    accountName: quote.accountName,
    ...(quote.contactId ? { contactId: quote.contactId } : {}),
    currency: quote.currency,
    lines: quote.lines,
    discountPercent: quote.discountPercent,
    taxRate: quote.taxRate,
    subtotal: quote.subtotal,
    discountAmount: quote.discountAmount,
    taxAmount: quote.taxAmount,
    total: quote.total,
    status: 'open',
  };
}

type Transition = Pick<OrderRecord, 'status' | 'fulfilledAt' | 'cancelledAt' | 'cancellationReason'>;

/** Open → fulfilled or cancelled (a reason may be given for a cancellation); closed orders stay closed. */
export function orderTransition(order: Pick<OrderRecord, 'status' | 'number'>, to: OrderStatusChange, at: string, reason?: string): Transition {
  if (reason !== undefined && to !== 'cancelled') {
    throw new AppError('VALIDATION', 'A reason is given only when an order is cancelled.', { issues: [{ field: 'reason', message: 'applies only to a cancellation' }] });
  }
  if (order.status !== 'open') {
    const message = `Order ${order.number} is already ${order.status}.`;
    throw new AppError('CONFLICT', message, { issues: [{ field: 'status', message }] });
  }
  return to === 'fulfilled' ? { status: 'fulfilled', fulfilledAt: at } : { status: 'cancelled', cancelledAt: at, ...(reason ? { cancellationReason: reason } : {}) };
}
