/** PLACEHOLDER owned by the products/quotes/orders feature: replace wholesale. */
import type { Database } from '@azure/cosmos';
import type { CatalogStores } from '../../../shared/domain/catalog';

export function createCatalogStores(_database: Database): CatalogStores {
  return {};
}
