import type { OrderStatusChange } from '../../../../shared/contracts/catalog.contract';
import type { Versioned } from '../../../../shared/domain/record';
import { orderTransition, type OrderRecord } from '../../../../shared/domain/sales-order';
import { requireCurrentVersion, requireIfMatch, stamp } from '../../record-guards';
import type { UseCaseCall } from '../../usecase-context';
import { requireOrder } from '../sales-access';
import { recordOnTimelines } from '../../history/record-on-timelines';
import { orderEntry } from '../sales-timeline';

/** Fulfilled or cancelled, under If-Match; the ERP sees the change in its next export. */
export async function changeOrderStatus(call: UseCaseCall, id: string, input: OrderStatusChange, ifMatch: string | undefined): Promise<Versioned<OrderRecord>> {
  const { deps, principal } = call;
  const etag = requireIfMatch(ifMatch);
  const { record: current } = await requireOrder(call, id, 'write');
  requireCurrentVersion(current, etag, 'order');
  const now = deps.now();
  const { etag: _etag, ...record } = current;
  const saved = await deps.stores.catalog.orders.replace({ ...record, ...orderTransition(record, input.status, now.toISOString(), input.reason), ...stamp(principal, now) }, current.etag, current);
  await recordOnTimelines(deps, orderEntry(saved));
  return saved;
}
