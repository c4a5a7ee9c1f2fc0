/** How quotes move from draft to sent to accepted, rejected or expired, how they are revised and numbered, and how orders close. */
import { formatDocumentNumber } from '../../shared/domain/document-number';
import { AppError } from '../../shared/domain/errors';
import { addDays, assertDraft, assertRevisable, effectiveQuoteStatus, nextRevision, quoteTransition, type QuoteRecord } from '../../shared/domain/quote';
import { orderFromQuote, orderTransition } from '../../shared/domain/sales-order';

const at = '2026-06-10T09:30:00.000Z';
const today = '2026-06-10';
const base = { tenantId: 't', createdAt: at, createdBy: 'rep', updatedAt: at, updatedBy: 'rep', deletedAt: null };
const line = { productId: 'p', sku: 'SKU-1', productName: 'Licence', unitOfMeasure: 'each', quantity: 2, unitPrice: 50, discountPercent: 0, lineTotal: 100 };

function quote(extra: Partial<QuoteRecord> = {}): QuoteRecord {
  return {
    ...base, id: 'q1', number: 'Q-2026-00042', revision: 1, opportunityId: 'o', accountId: 'a', accountName: 'Northwind', name: 'Deal', currency: 'USD',
    lines: [line], discountPercent: 0, taxRate: 0, subtotal: 100, discountAmount: 0, taxAmount: 0, total: 100, validUntil: '2026-07-10', status: 'draft', ...extra,
  };
}

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    return error instanceof AppError ? `${error.code} ${error.issues.map((issue) => issue.field).join(',')}` : 'not an AppError';
  }
}

describe('quote numbers', () => {
  it('count per kind and year with at least five digits', () => {
    expect(formatDocumentNumber('quote', 2026, 42)).toBe('Q-2026-00042');
    expect(formatDocumentNumber('order', 2026, 7)).toBe('SO-2026-00007');
    expect(formatDocumentNumber('quote', 2027, 123456)).toBe('Q-2027-123456');
  });
});

describe('quote status', () => {
  it('sends a draft with lines that is still valid, stamping when', () => {
    expect(quoteTransition(quote(), 'sent', at)).toEqual({ status: 'sent', sentAt: at });
    expect(codeOf(() => quoteTransition(quote({ lines: [] }), 'sent', at))).toBe('VALIDATION lines');
    expect(codeOf(() => quoteTransition(quote({ validUntil: '2026-06-09' }), 'sent', at))).toBe('VALIDATION validUntil');
  });

  it('lets the customer accept or reject a sent quote, once', () => {
    expect(quoteTransition(quote({ status: 'sent' }), 'accepted', at)).toEqual({ status: 'accepted', acceptedAt: at });
    expect(quoteTransition(quote({ status: 'sent' }), 'rejected', at, 'Too expensive')).toEqual({ status: 'rejected', rejectedAt: at, rejectionReason: 'Too expensive' });
    expect(codeOf(() => quoteTransition(quote(), 'accepted', at))).toBe('CONFLICT status');
    expect(codeOf(() => quoteTransition(quote({ status: 'accepted' }), 'rejected', at))).toBe('CONFLICT status');
    expect(codeOf(() => quoteTransition(quote({ status: 'sent' }), 'sent', at))).toBe('CONFLICT status');
    expect(codeOf(() => quoteTransition(quote({ status: 'sent' }), 'accepted', at, 'why'))).toBe('VALIDATION reason');
  });

  it('reads a sent quote past its valid-until date as expired, which can no longer be accepted', () => {
    const expired = quote({ status: 'sent', validUntil: '2026-06-09' });
    expect(effectiveQuoteStatus(expired, today)).toBe('expired');
    expect(effectiveQuoteStatus(quote({ status: 'sent', validUntil: today }), today)).toBe('sent');
    expect(effectiveQuoteStatus(quote({ status: 'accepted', validUntil: '2026-01-01' }), today)).toBe('accepted');
    expect(codeOf(() => quoteTransition(expired, 'accepted', at))).toBe('CONFLICT status');
  });

  it('changes lines and terms only while a draft', () => {
    expect(codeOf(() => assertDraft(quote(), today))).toBeUndefined();
    expect(codeOf(() => assertDraft(quote({ status: 'sent' }), today))).toBe('CONFLICT status');
  });
});

describe('quote revisions', () => {
  it('revise sent, rejected and expired quotes; a draft is edited, an accepted one is final', () => {
    for (const status of ['sent', 'rejected'] as const) expect(codeOf(() => assertRevisable(quote({ status }), today))).toBeUndefined();
    expect(codeOf(() => assertRevisable(quote({ status: 'sent', validUntil: '2026-01-01' }), today))).toBeUndefined();
    expect(codeOf(() => assertRevisable(quote(), today))).toBe('CONFLICT status');
    expect(codeOf(() => assertRevisable(quote({ status: 'accepted' }), today))).toBe('CONFLICT status');
  });

  it('copy lines and terms into a draft with the same number and the next revision', () => {
    const sent = quote({ status: 'rejected', sentAt: at, rejectedAt: at, rejectionReason: 'Price', validUntil: '2026-06-01', nextRevisionId: 'q2' });
    const next = nextRevision(sent, { ...base, id: 'q2' }, today);
    expect(next).toMatchObject({ id: 'q2', number: 'Q-2026-00042', revision: 2, status: 'draft', previousRevisionId: 'q1', lines: [line], total: 100, validUntil: addDays(today, 30) });
    for (const field of ['sentAt', 'rejectedAt', 'rejectionReason', 'nextRevisionId', 'orderId']) expect(next).not.toHaveProperty(field);
    expect(nextRevision(quote({ status: 'sent', validUntil: '2026-08-01' }), { ...base, id: 'q3' }, today).validUntil).toBe('2026-08-01');
  });
});

describe('orders', () => {
  const order = orderFromQuote(quote({ status: 'accepted', contactId: 'c' }), { ...base, id: 'o1' }, 'SO-2026-00001');

  it('copy the accepted quote exactly and start open', () => {
    expect(order).toMatchObject({ id: 'o1', number: 'SO-2026-00001', quoteId: 'q1', quoteNumber: 'Q-2026-00042', quoteRevision: 1, contactId: 'c', lines: [line], total: 100, status: 'open' });
  });

  it('are fulfilled or cancelled once, a reason only for a cancellation', () => {
    expect(orderTransition(order, 'fulfilled', at)).toEqual({ status: 'fulfilled', fulfilledAt: at });
    expect(orderTransition(order, 'cancelled', at, 'Budget cut')).toEqual({ status: 'cancelled', cancelledAt: at, cancellationReason: 'Budget cut' });
    expect(codeOf(() => orderTransition({ ...order, status: 'fulfilled' }, 'cancelled', at))).toBe('CONFLICT status');
    expect(codeOf(() => orderTransition(order, 'fulfilled', at, 'why'))).toBe('VALIDATION reason');
  });
});

describe('dates', () => {
  it('add whole UTC days across month ends', () => {
    expect(addDays('2026-01-31', 30)).toBe('2026-03-02');
  });
});
