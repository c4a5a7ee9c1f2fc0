/** Orders in Cosmos, alone in their container: the ERP export walks its changes in (_ts, id) order. */
import type { SyncPosition } from '../../../shared/domain/record';
import type { OrderRecord, OrderRepository } from '../../../shared/domain/sales-order';
import type { LazyContainer } from './catalog.stores';
import { RecordStore } from './record-store';

export class CosmosOrderRepository implements OrderRepository {
  private readonly store: RecordStore<OrderRecord>;

  constructor(private readonly orders: LazyContainer) {
    this.store = new RecordStore<OrderRecord>(orders.container, 'order', (record) => ({ sortKey: `${record.number}\u0001${record.id}`, searchText: '' }));
  }

  async get(tenantId: string, id: string) {
    await this.orders.ready();
    return this.store.get(tenantId, id);
  }

  async getMany(tenantId: string, ids: string[]) {
    await this.orders.ready();
    return this.store.getMany(tenantId, ids);
  }

  async create(record: OrderRecord) {
    await this.orders.ready();
    return this.store.create(record);
  }

  async replace(record: OrderRecord, etag: string) {
    await this.orders.ready();
    return this.store.replace(record, etag);
  }

  async changesSince(tenantId: string, after: SyncPosition | undefined, settledBefore: number, limit: number) {
    await this.orders.ready();
    return this.store.changesSince(tenantId, after, settledBefore, limit);
  }
}
