import type { QuoteCreate } from '../../../../shared/contracts/catalog.contract';
import { formatDocumentNumber } from '../../../../shared/domain/document-number';
import { AppError } from '../../../../shared/domain/errors';
import { documentTotals } from '../../../../shared/domain/pricing';
import { addDays, DEFAULT_VALIDITY_DAYS, type QuoteRecord } from '../../../../shared/domain/quote';
import type { Versioned } from '../../../../shared/domain/record';
import { requireContact } from '../../opportunities/opportunity-rules';
import type { UseCaseCall } from '../../usecase-context';
import { compact, newRecord, todayOf } from '../catalog-support';
import { requireOpportunity } from '../sales-access';

/**
 * A draft quote from the deal's products as they are priced on the deal, in its currency, with
 * the tenant's next quote number. The deal may still have no products: lines can be added to
 * the draft, but it cannot be sent empty.
 */
export async function createQuote(call: UseCaseCall, opportunityId: string, input: QuoteCreate): Promise<Versioned<QuoteRecord>> {
  const { deps, principal } = call;
  const opportunity = await requireOpportunity(call, opportunityId, 'write', 'opportunity');
  if (input.contactId) await requireContact(deps, principal.tenantId, input.contactId);
  const now = deps.now();
  const today = todayOf(now);
  const validUntil = input.validUntil ?? addDays(today, DEFAULT_VALIDITY_DAYS);
  if (validUntil < today) throw new AppError('VALIDATION', 'A new quote must be valid today at least.', { issues: [{ field: 'validUntil', message: `must be ${today} or later` }] });
  const year = now.getUTCFullYear();
  const number = formatDocumentNumber('quote', year, await deps.stores.catalog.numbers.next(principal.tenantId, 'quote', year));
  const lines = opportunity.products ?? [];
  const quote: QuoteRecord = compact({
    ...newRecord(deps, principal),
    number,
    revision: 1,
    opportunityId: opportunity.id,
    accountId: opportunity.accountId,
    accountName: opportunity.accountName,
    contactId: input.contactId ?? opportunity.contactId,
    name: input.name ?? opportunity.name,
    description: input.description,
    currency: opportunity.currency,
    priceListId: opportunity.priceListId,
    lines,
    discountPercent: input.discountPercent,
    taxRate: input.taxRate,
    ...documentTotals(lines, input.discountPercent, input.taxRate),
    validUntil,
    status: 'draft',
  });
  return deps.stores.catalog.quotes.create(quote);
}
