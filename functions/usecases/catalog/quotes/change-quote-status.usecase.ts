import type { QuoteStatusChange } from '../../../../shared/contracts/catalog.contract';
import { quoteTransition, type QuoteRecord } from '../../../../shared/domain/quote';
import type { Versioned } from '../../../../shared/domain/record';
import { requireCurrentVersion, requireIfMatch, stamp } from '../../record-guards';
import type { UseCaseCall } from '../../usecase-context';
import { requireQuote } from '../sales-access';
import { recordOnTimelines } from '../../history/record-on-timelines';
import { quoteStatusEntry } from '../sales-timeline';

/** Sent, accepted or rejected: saved under If-Match, then written on the deal's and account's timelines. */
export async function changeQuoteStatus(call: UseCaseCall, id: string, input: QuoteStatusChange, ifMatch: string | undefined): Promise<Versioned<QuoteRecord>> {
  const { deps, principal } = call;
  const etag = requireIfMatch(ifMatch);
  const { record: current } = await requireQuote(call, id, 'write');
  requireCurrentVersion(current, etag, 'quote');
  const now = deps.now();
  const { etag: _etag, ...record } = current;
  const changes = quoteTransition(record, input.status, now.toISOString(), input.reason);
  const saved = await deps.stores.catalog.quotes.replace({ ...record, ...changes, ...stamp(principal, now) }, current.etag, current);
  await recordOnTimelines(deps, quoteStatusEntry(saved));
  return saved;
}
