import type { QuoteRecord } from '../../../../shared/domain/quote';
import type { Page, PageRequest, Versioned } from '../../../../shared/domain/record';
import type { UseCaseCall } from '../../usecase-context';
import { requireOpportunity, requireQuote } from '../sales-access';

export async function getQuote(call: UseCaseCall, id: string): Promise<Versioned<QuoteRecord>> {
  return (await requireQuote(call, id, 'read')).record;
}

/** A deal's quotes are as private as the deal: an invisible deal answers 404. */
export async function listOpportunityQuotes(call: UseCaseCall, opportunityId: string, page: PageRequest): Promise<Page<Versioned<QuoteRecord>>> {
  await requireOpportunity(call, opportunityId, 'read', 'opportunity');
  return call.deps.stores.catalog.quotes.listForOpportunity(call.principal.tenantId, opportunityId, page);
}
