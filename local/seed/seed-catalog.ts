/** PLACEHOLDER owned by the products/quotes/orders feature: replace wholesale. */
import type { SeedContext } from './seed-support';

export async function seedCatalog(_context: SeedContext): Promise<void> {}
