/**
 * Storage of the catalogue and sales documents. One container per entity, as for every other
 * entity: the RecordStore reads by id and walks changes without an entity filter, so a container
 * must hold one kind of record (the ERP export walks the orders container's changes).
 */
import type { Container, Database, Item, ItemDefinition } from '@azure/cosmos';
import type { CatalogStores } from '../../../shared/domain/catalog';
import type { DocumentKind, NumberSequence } from '../../../shared/domain/document-number';
import { AppError } from '../../../shared/domain/errors';
import { CONTAINERS, partitionKeyOf } from './containers';
import { statusCodeOf, toAppError } from './cosmos-errors';
import { CosmosOrderRepository } from './order.repository';
import { CosmosPriceListRepository } from './price-list.repository';
import { CosmosProductRepository } from './product.repository';
import { CosmosQuoteRepository } from './quote.repository';

export const CATALOG_CONTAINERS = {
  products: CONTAINERS.products,
  priceLists: CONTAINERS.priceLists,
  quotes: CONTAINERS.quotes,
  /** Orders only: the ERP export pages this container's changes. */
  orders: CONTAINERS.orders,
  /** Small documents read and written by id under their ETag: SKU reservations, number sequences. */
  keys: CONTAINERS.catalogKeys,
} as const;

/** A point read that answers undefined for a missing document, whichever way the SDK reports it. */
async function readOrUndefined<T extends ItemDefinition>(item: Item): Promise<T | undefined> {
  try {
    return (await item.read<T>()).resource;
  } catch (error) {
    if (statusCodeOf(error) === 404) return undefined;
    throw error;
  }
}

interface SequenceDocument extends ItemDefinition {
  id: string;
  tenantId: string;
  kind: DocumentKind;
  year: number;
  last: number;
}

const MAX_ATTEMPTS = 40;
const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * Math.min(attempt + 1, 5)));

/** One counter document per tenant, kind and year, advanced read-modify-write under its ETag. */
export class CosmosNumberSequence implements NumberSequence {
  constructor(private readonly keys: Container) {}

  async next(tenantId: string, kind: DocumentKind, year: number): Promise<number> {
    const id = `sequence.${kind}.${year}.${tenantId}`;
    const item = this.keys.item(id, partitionKeyOf(tenantId));
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      try {
        const resource = await readOrUndefined<SequenceDocument>(item);
        if (!resource) {
          await this.keys.items.create<SequenceDocument>({ id, tenantId, kind, year, last: 1 });
          return 1;
        }
        const next = resource.last + 1;
        await item.replace<SequenceDocument>({ ...resource, last: next }, { accessCondition: { type: 'IfMatch', condition: String(resource._etag) } });
        return next;
      } catch (error) {
        // Another writer took the number (409 on the first, 412 later): read again and take the next.
        const status = statusCodeOf(error);
        if (status !== 409 && status !== 412) throw toAppError(error, `numbering a ${kind}`);
        await pause(attempt);
      }
    }
    throw new AppError('TEMPORARY', `Too many ${kind}s are being numbered at once; try again.`, { headers: { 'Retry-After': '1' } });
  }
}

export function createCatalogStores(database: Database): CatalogStores {
  const lazy = (id: string) => database.container(id);
  const keys = lazy(CATALOG_CONTAINERS.keys);
  return {
    products: new CosmosProductRepository(lazy(CATALOG_CONTAINERS.products), keys),
    priceLists: new CosmosPriceListRepository(lazy(CATALOG_CONTAINERS.priceLists)),
    quotes: new CosmosQuoteRepository(lazy(CATALOG_CONTAINERS.quotes)),
    orders: new CosmosOrderRepository(lazy(CATALOG_CONTAINERS.orders)),
    numbers: new CosmosNumberSequence(keys),
  };
}
