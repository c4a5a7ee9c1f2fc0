import { AppError } from '../../../../shared/domain/errors';
import { assertRevisable, nextRevision, type QuoteRecord } from '../../../../shared/domain/quote';
import type { Versioned } from '../../../../shared/domain/record';
import { stamp } from '../../record-guards';
import type { UseCaseCall } from '../../usecase-context';
import { derivedId, isAbandoned, newRecord, todayOf } from '../catalog-support';
import { requireQuote } from '../sales-access';

function alreadyRevised(quote: QuoteRecord): AppError {
  const message = `Quote ${quote.number} revision ${quote.revision} was already revised; change the newer revision.`;
  return new AppError('CONFLICT', message, {
    issues: [{ field: 'status', message: `revised by quote ${quote.nextRevisionId ?? ''}` }],
    headers: quote.nextRevisionId ? { Location: `/api/quotes/${quote.nextRevisionId}` } : {},
  });
}

/** The successor has an id derived from its source, so two requests cannot both create one. */
async function createSuccessor(call: UseCaseCall, closed: QuoteRecord): Promise<Versioned<QuoteRecord>> {
  const { deps, principal } = call;
  const successor = nextRevision(closed, newRecord(deps, principal, derivedId(`quote-revision:${closed.id}`)), todayOf(deps.now()));
  try {
    return await deps.stores.catalog.quotes.create(successor);
  } catch (error) {
    if (error instanceof AppError && error.code === 'CONFLICT') throw alreadyRevised(closed);
    throw error;
  }
}

/**
 * The next revision of a sent, rejected or expired quote. The old revision is closed first, under
 * its ETag, so only one request revises it; the new one is created after. A request that died in
 * between left a closed quote without successor, which a later attempt completes.
 */
export async function reviseQuote(call: UseCaseCall, id: string): Promise<Versioned<QuoteRecord>> {
  const { deps, principal } = call;
  const { record: current } = await requireQuote(call, id, 'write');
  const now = deps.now();
  const { etag, ...record } = current;
  if (record.status === 'revised') {
    const successor = record.nextRevisionId ? await deps.stores.catalog.quotes.get(principal.tenantId, record.nextRevisionId) : null;
    if (successor || !isAbandoned(record.updatedAt, now)) throw alreadyRevised(record);
    return createSuccessor(call, record);
  }
  assertRevisable(record, todayOf(now));
  const closing: QuoteRecord = { ...record, status: 'revised', nextRevisionId: derivedId(`quote-revision:${record.id}`), ...stamp(principal, now) };
  try {
    await deps.stores.catalog.quotes.replace(closing, etag);
  } catch (error) {
    if (error instanceof AppError && error.code === 'PRECONDITION_FAILED') throw alreadyRevisedOrChanged(closing);
    throw error;
  }
  return createSuccessor(call, closing);
}

/** Someone saved the quote meanwhile: most likely a second click revising it. */
function alreadyRevisedOrChanged(quote: QuoteRecord): AppError {
  return new AppError('CONFLICT', `Quote ${quote.number} revision ${quote.revision} was changed meanwhile (revised or answered by the customer); reload it.`, {
    issues: [{ field: 'status', message: 'was changed meanwhile' }],
  });
}
