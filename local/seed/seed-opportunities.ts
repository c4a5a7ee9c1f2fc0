/** PLACEHOLDER owned by the opportunities feature: replace wholesale. */
import type { SeedContext } from './seed-support';

export async function seedOpportunities(_context: SeedContext): Promise<void> {}
