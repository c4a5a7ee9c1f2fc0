/**
 * The ERP's pull of orders: every order of the tenant created or changed since the checkpoint, in
 * (store timestamp, id) order, with the next checkpoint. Same technique as the sync feed: changes
 * are handed out only once settled, so a page never ends inside a second still receiving writes,
 * and an ERP that stores the checkpoint with what it imported never misses or skips an order.
 */
import { can } from '../../../../shared/domain/access-policy';
import { AppError } from '../../../../shared/domain/errors';
import type { RecordChange } from '../../../../shared/domain/record';
import type { OrderRecord } from '../../../../shared/domain/sales-order';
import { SYNC_SETTLE_SECONDS } from '../../sync/changes-since.usecase';
import { decodeCheckpoint, encodeCheckpoint } from '../../sync/sync-checkpoint';
import type { UseCaseCall } from '../../usecase-context';

export interface OrderExportPage {
  changes: Array<RecordChange<OrderRecord>>;
  checkpoint: string;
  hasMore: boolean;
}

/**
 * The export reads every order of the organisation whatever the team: that is for the roles that
 * answer for the data, as with audit trails (the `audit` operation on opportunities: admins and
 * sales managers). An ERP integration signs in with such a role.
 */
function assertCanExport(call: UseCaseCall): void {
  if (!can(call.principal, 'audit', 'opportunity')) {
    throw new AppError('FORBIDDEN', 'The ERP export is for administrators and sales managers; ask a CRM administrator for an integration account.');
  }
}

export async function exportErpOrders(call: UseCaseCall, since: string | undefined, limit: number): Promise<OrderExportPage> {
  assertCanExport(call);
  const checkpoint = decodeCheckpoint(since);
  const settledBefore = Math.floor(call.deps.now().getTime() / 1000) - SYNC_SETTLE_SECONDS + 1;
  const changes = await call.deps.stores.catalog.orders.changesSince(call.principal.tenantId, checkpoint.order, settledBefore, limit);
  const last = changes[changes.length - 1];
  if (last) checkpoint.order = last.position;
  return { changes, checkpoint: encodeCheckpoint(checkpoint), hasMore: changes.length === limit };
}
