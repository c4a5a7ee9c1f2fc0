/**
 * Quotes and orders follow their opportunity's visibility: whoever may see the deal sees its
 * quotes and orders, whoever may change it changes them; anyone else is answered 404, as if the
 * document did not exist. Operations are the opportunity's (`read`, `update`).
 */
import { assertCan } from '../../../shared/domain/access-policy';
import { AppError } from '../../../shared/domain/errors';
import type { OpportunityRecord } from '../../../shared/domain/opportunity';
import type { QuoteRecord } from '../../../shared/domain/quote';
import type { RecordBase, Versioned } from '../../../shared/domain/record';
import type { OrderRecord } from '../../../shared/domain/sales-order';
import { requireLive, requireReadable, requireWritable } from '../record-guards';
import type { UseCaseCall } from '../usecase-context';

export type AccessMode = 'read' | 'write';

export interface WithOpportunity<T> {
  record: Versioned<T>;
  opportunity: Versioned<OpportunityRecord>;
}

/** The deal, readable or writable by the caller; an invisible one answers as a missing `entity`. */
export async function requireOpportunity(call: UseCaseCall, opportunityId: string, mode: AccessMode, entity: string): Promise<Versioned<OpportunityRecord>> {
  assertCan(call.principal, mode === 'read' ? 'read' : 'update', 'opportunity');
  const record = await call.deps.stores.opportunities.get(call.principal.tenantId, opportunityId);
  try {
    return mode === 'read' ? requireReadable(call, record, 'opportunity') : requireWritable(call, record, 'opportunity');
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw new AppError('NOT_FOUND', `No ${entity} with this id.`);
    throw error;
  }
}

async function follow<T extends RecordBase & { opportunityId: string }>(call: UseCaseCall, record: Versioned<T> | null, mode: AccessMode, entity: string): Promise<WithOpportunity<T>> {
  const live = requireLive(record, entity);
  return { record: live, opportunity: await requireOpportunity(call, live.opportunityId, mode, entity) };
}

export async function requireQuote(call: UseCaseCall, id: string, mode: AccessMode): Promise<WithOpportunity<QuoteRecord>> {
  assertCan(call.principal, mode === 'read' ? 'read' : 'update', 'opportunity');
  return follow(call, await call.deps.stores.catalog.quotes.get(call.principal.tenantId, id), mode, 'quote');
}

export async function requireOrder(call: UseCaseCall, id: string, mode: AccessMode): Promise<WithOpportunity<OrderRecord>> {
  assertCan(call.principal, mode === 'read' ? 'read' : 'update', 'opportunity');
  return follow(call, await call.deps.stores.catalog.orders.get(call.principal.tenantId, id), mode, 'order');
}
