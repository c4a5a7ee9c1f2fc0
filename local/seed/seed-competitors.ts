/** PLACEHOLDER owned by the competitors feature: replace wholesale. */
import type { SeedContext } from './seed-support';

export async function seedCompetitors(_context: SeedContext): Promise<void> {}
