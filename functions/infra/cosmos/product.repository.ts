/**
 * Products in Cosmos, and the reservations that keep a SKU unique per tenant: one small document
 * per (tenant, SKU) naming the product that holds it, created before the product is written and
 * removed after the product gives the SKU up. Cosmos has no unique constraint that would also
 * free the SKU of a deleted product, and the local server enforces none at all.
 */
import { createHash } from 'node:crypto';
import type { Container, ItemDefinition } from '@azure/cosmos';
import { productSearchText, productSortKey, skuKey, type ProductFilter, type ProductRecord, type ProductRepository } from '../../../shared/domain/catalog';
import { AppError } from '../../../shared/domain/errors';
import { isLive, type Page, type PageRequest, type Versioned } from '../../../shared/domain/record';
import { partitionKeyOf } from './containers';
import { statusCodeOf, toAppError } from './cosmos-errors';
import { keywordClauses } from './keyword-clauses';
import { RecordStore, type QueryClause } from './record-store';

interface SkuClaim extends ItemDefinition {
  id: string;
  tenantId: string;
  kind: 'sku';
  sku: string;
  productId: string;
  claimedAt: string;
}

/** A reservation whose product was never written is taken over after this long (the writer died). */
const ABANDONED_AFTER_MS = 60_000;

export class CosmosProductRepository implements ProductRepository {
  private readonly store: RecordStore<ProductRecord>;

  constructor(
    private readonly products: Container,
    private readonly keys: Container,
  ) {
    this.store = new RecordStore<ProductRecord>(products, 'product', (record) => ({
      sortKey: productSortKey(record),
      searchText: productSearchText(record),
    }));
  }

  async get(tenantId: string, id: string) {
    return this.store.get(tenantId, id);
  }

  async getMany(tenantId: string, ids: string[]) {
    return this.store.getMany(tenantId, ids);
  }

  async create(record: ProductRecord) {
    return this.store.create(record);
  }

  async replace(record: ProductRecord, etag: string) {
    return this.store.replace(record, etag);
  }

  async list(tenantId: string, filter: ProductFilter, page: PageRequest): Promise<Page<Versioned<ProductRecord>>> {
    const clauses: QueryClause[] = keywordClauses(filter.keywords);
    if (filter.productLine !== undefined) clauses.push({ sql: 'c.productLine = @productLine', parameters: [{ name: '@productLine', value: filter.productLine }] });
    if (filter.active !== undefined) clauses.push({ sql: 'c.active = @active', parameters: [{ name: '@active', value: filter.active }] });
    return this.store.page(tenantId, clauses, filter, page);
  }

  async claimSku(tenantId: string, sku: string, productId: string, now: Date): Promise<void> {
    const wanted: SkuClaim = { id: claimId(tenantId, sku), tenantId, kind: 'sku', sku: skuKey(sku), productId, claimedAt: now.toISOString() };
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const current = await this.readClaim(tenantId, wanted.id);
      if (current?.productId === productId) return;
      if (current) await this.assertAbandoned(current, sku, now);
      try {
        if (current) await this.keys.item(wanted.id, partitionKeyOf(tenantId)).replace(wanted, { accessCondition: { type: 'IfMatch', condition: String(current._etag) } });
        else await this.keys.items.create(wanted);
        return;
      } catch (error) {
        // Someone claimed or took over the SKU meanwhile: look again at who holds it.
        if (statusCodeOf(error) !== 409 && statusCodeOf(error) !== 412) throw toAppError(error, 'reserving a SKU');
      }
    }
    throw skuTaken(sku, 'is being given to another product; try again');
  }

  async releaseSku(tenantId: string, sku: string, productId: string): Promise<void> {
    const id = claimId(tenantId, sku);
    const current = await this.readClaim(tenantId, id);
    if (current?.productId !== productId) return;
    try {
      await this.keys.item(id, partitionKeyOf(tenantId)).delete({ accessCondition: { type: 'IfMatch', condition: String(current._etag) } });
    } catch (error) {
      // Taken over or already gone: either way it is no longer this product's.
      if (statusCodeOf(error) !== 404 && statusCodeOf(error) !== 412) throw toAppError(error, 'freeing a SKU');
    }
  }

  /** A live product with the SKU holds it; so does a claim still young enough that its product may be on its way. */
  private async assertAbandoned(claim: SkuClaim, sku: string, now: Date): Promise<void> {
    const holder = await this.get(claim.tenantId, claim.productId);
    if (holder && isLive(holder) && skuKey(holder.sku) === claim.sku) throw skuTaken(sku, `is used by ${holder.name} (${holder.id})`);
    if (!holder && now.getTime() - Date.parse(claim.claimedAt) < ABANDONED_AFTER_MS) throw skuTaken(sku, 'is being given to another product; try again');
  }

  private async readClaim(tenantId: string, id: string): Promise<SkuClaim | undefined> {
    try {
      const { resource } = await this.keys.item(id, partitionKeyOf(tenantId)).read<SkuClaim>();
      return resource?.tenantId === tenantId ? resource : undefined;
    } catch (error) {
      if (statusCodeOf(error) === 404) return undefined;
      throw toAppError(error, 'reading a SKU reservation');
    }
  }
}

/** SKUs may hold characters Cosmos ids cannot ('/'), so the id carries a hash of the compared form. */
function claimId(tenantId: string, sku: string): string {
  return `sku.${tenantId}.${createHash('sha256').update(skuKey(sku)).digest('base64url')}`;
}

function skuTaken(sku: string, why: string): AppError {
  return new AppError('CONFLICT', `SKU ${sku} ${why}.`, { issues: [{ field: 'sku', message: why }] });
}
