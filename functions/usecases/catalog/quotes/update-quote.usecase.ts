import type { QuoteUpdate } from '../../../../shared/contracts/catalog.contract';
import { documentTotals } from '../../../../shared/domain/pricing';
import { assertDraft, type QuoteRecord } from '../../../../shared/domain/quote';
import type { Versioned } from '../../../../shared/domain/record';
import { applyMergePatch } from '../../merge-patch';
import { requireContact } from '../../opportunities/opportunity-rules';
import { requireCurrentVersion, requireIfMatch, stamp } from '../../record-guards';
import type { UseCaseCall } from '../../usecase-context';
import { todayOf } from '../catalog-support';
import { priceDocumentLines } from '../line-pricing';
import { requireQuote } from '../sales-access';

/** A draft's terms and lines; lines sent without a price take the quote's price list's, totals follow. */
export async function updateQuote(call: UseCaseCall, id: string, patch: QuoteUpdate, ifMatch: string | undefined): Promise<Versioned<QuoteRecord>> {
  const { deps, principal } = call;
  const etag = requireIfMatch(ifMatch);
  const { record: current } = await requireQuote(call, id, 'write');
  requireCurrentVersion(current, etag, 'quote');
  assertDraft(current, todayOf(deps.now()));
  if (patch.contactId && patch.contactId !== current.contactId) await requireContact(deps, principal.tenantId, patch.contactId);
  const { lines: lineInputs, ...terms } = patch;
  const lines =
    lineInputs === undefined
      ? current.lines
      : await priceDocumentLines(deps, principal.tenantId, lineInputs, { currency: current.currency, priceListId: current.priceListId, field: 'lines', existing: current.lines });
  const { etag: _etag, ...record } = current;
  const next = { ...applyMergePatch<QuoteRecord>(record, terms), lines, ...stamp(principal, deps.now()) };
  return deps.stores.catalog.quotes.replace({ ...next, ...documentTotals(lines, next.discountPercent, next.taxRate) }, current.etag, current);
}
