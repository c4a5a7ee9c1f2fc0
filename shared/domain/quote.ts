/**
 * Quotes: what a customer is offered for a deal. A quote is created from the opportunity's
 * products, edited while it is a draft, then sent; the customer accepts or rejects it, or it
 * expires after its valid-until date. Changing a sent quote means a new revision: a draft copy
 * with the same number, and the old revision is closed as revised. Only an accepted quote
 * becomes an order, once.
 */
import { AppError } from './errors';
import type { DocumentTotals, LineItem } from './pricing';
import type { Page, PageRequest, RecordBase, Versioned } from './record';
import type { RecordRepository } from './repositories';

/** `expired` is never stored: a sent quote past its valid-until date reads as expired. */
export const QUOTE_STATUSES = ['draft', 'sent', 'accepted', 'rejected', 'expired', 'revised'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];
export type StoredQuoteStatus = Exclude<QuoteStatus, 'expired'>;

/** What a caller may move a quote to; `revised` comes with a new revision, `expired` with the date. */
export const QUOTE_STATUS_CHANGES = ['sent', 'accepted', 'rejected'] as const;
export type QuoteStatusChange = (typeof QUOTE_STATUS_CHANGES)[number];

export const DEFAULT_VALIDITY_DAYS = 30;

export interface QuoteRecord extends RecordBase, DocumentTotals {
  /** Shared by every revision of the quote: Q-2026-00042. */
  number: string;
  revision: number;
  opportunityId: string;
  accountId: string;
  accountName: string;
  /** Who the quote is addressed to. */
  contactId?: string;
  name: string;
  description?: string;
  currency: string;
  priceListId?: string;
  lines: LineItem[];
  /** Percent off the whole quote, after the lines' own discounts. */
  discountPercent: number;
  /** Percent, on the subtotal less the discount. */
  taxRate: number;
  /** Inclusive ISO date. */
  validUntil: string;
  status: StoredQuoteStatus;
  sentAt?: string;
  acceptedAt?: string;
  rejectedAt?: string;
  rejectionReason?: string;
  /** The revision this one replaced, and the one that replaced it. */
  previousRevisionId?: string;
  nextRevisionId?: string;
  /** Set when the order is being created from this quote (see create-order). */
  orderId?: string;
}

export interface QuoteRepository extends RecordRepository<QuoteRecord> {
  /** Live quotes of the opportunity by number and revision. */
  listForOpportunity(tenantId: string, opportunityId: string, page: PageRequest): Promise<Page<Versioned<QuoteRecord>>>;
}

export function quoteSortKey(record: Pick<QuoteRecord, 'number' | 'revision'>): string {
  return `${record.number}\u0001${String(record.revision).padStart(4, '0')}`;
}

export function effectiveQuoteStatus(quote: Pick<QuoteRecord, 'status' | 'validUntil'>, today: string): QuoteStatus {
  return quote.status === 'sent' && quote.validUntil < today ? 'expired' : quote.status;
}

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function stateConflict(message: string): AppError {
  return new AppError('CONFLICT', message, { issues: [{ field: 'status', message }] });
}

/** Lines, prices and terms change only while the quote is a draft: what was sent stays as sent. */
export function assertDraft(quote: Pick<QuoteRecord, 'status' | 'validUntil' | 'number' | 'revision'>, today: string): void {
  const status = effectiveQuoteStatus(quote, today);
  if (status !== 'draft') throw stateConflict(`Quote ${quote.number} revision ${quote.revision} is ${status}; create a new revision to change it.`);
}

type Transition = Pick<QuoteRecord, 'status' | 'sentAt' | 'acceptedAt' | 'rejectedAt' | 'rejectionReason'>;

/**
 * The fields a status change sets. A draft is sent (with lines, still valid); a sent quote is
 * accepted while valid, or rejected; anything else is refused with 409 saying why.
 */
export function quoteTransition(quote: QuoteRecord, to: QuoteStatusChange, at: string, reason?: string): Transition {
  const today = at.slice(0, 10);
  const from = effectiveQuoteStatus(quote, today);
  if (reason !== undefined && to !== 'rejected') {
    throw new AppError('VALIDATION', 'A reason is given only when a quote is rejected.', { issues: [{ field: 'reason', message: 'applies only to a rejection' }] });
  }
  if (to === 'sent') {
    if (from !== 'draft') throw stateConflict(`Only a draft can be sent; quote ${quote.number} is ${from}.`);
    if (quote.lines.length === 0) throw new AppError('VALIDATION', 'Add at least one line before sending the quote.', { issues: [{ field: 'lines', message: 'must not be empty' }] });
    if (quote.validUntil < today) {
      throw new AppError('VALIDATION', 'The quote would be expired already; set a later valid-until date.', { issues: [{ field: 'validUntil', message: `must be ${today} or later` }] });
    }
    return { status: 'sent', sentAt: at };
  }
  if (from === 'expired') throw stateConflict(`Quote ${quote.number} expired on ${quote.validUntil}; create a new revision with a new date.`);
  if (from !== 'sent') throw stateConflict(`Only a sent quote can be ${to}; quote ${quote.number} is ${from}.`);
  return to === 'accepted' ? { status: 'accepted', acceptedAt: at } : { status: 'rejected', rejectedAt: at, ...(reason ? { rejectionReason: reason } : {}) };
}

/** A sent, rejected or expired quote can be revised; a draft is edited instead, an accepted one is final. */
export function assertRevisable(quote: QuoteRecord, today: string): void {
  const status = effectiveQuoteStatus(quote, today);
  if (status === 'draft') throw stateConflict(`Quote ${quote.number} is still a draft: change it directly.`);
  if (status === 'accepted') throw stateConflict(`Quote ${quote.number} was accepted; it can no longer be revised.`);
}

/** The next revision: a draft copy of the lines and terms, valid for a fresh period if the old date has passed. */
export function nextRevision(quote: QuoteRecord, base: RecordBase, today: string): QuoteRecord {
  const { sentAt: _s, acceptedAt: _a, rejectedAt: _r, rejectionReason: _why, nextRevisionId: _n, orderId: _o, ...terms } = quote;
  return {
    ...terms,
    ...base,
    revision: quote.revision + 1,
    status: 'draft',
    previousRevisionId: quote.id,
    validUntil: quote.validUntil < today ? addDays(today, DEFAULT_VALIDITY_DAYS) : quote.validUntil,
  };
}
