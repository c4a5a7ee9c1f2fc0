/** Orders in Cosmos, alone in their container: the ERP export walks its changes in (_ts, id) order. */
import type { Container } from '@azure/cosmos';
import type { OrderRecord, OrderRepository } from '../../../shared/domain/sales-order';
import { StoreBackedRepository } from './record-store';

export class CosmosOrderRepository extends StoreBackedRepository<OrderRecord> implements OrderRepository {
  constructor(orders: Container) {
    super(orders, 'order', (record) => ({ sortKey: `${record.number}\u0001${record.id}`, searchText: '' }));
  }
}
