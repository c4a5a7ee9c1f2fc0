import type { Versioned } from '../../../../shared/domain/record';
import type { OrderRecord } from '../../../../shared/domain/sales-order';
import type { UseCaseCall } from '../../usecase-context';
import { requireOrder } from '../sales-access';

export async function getOrder(call: UseCaseCall, id: string): Promise<Versioned<OrderRecord>> {
  return (await requireOrder(call, id, 'read')).record;
}
