/** PLACEHOLDER owned by the groups feature: replace wholesale. */
import type { SeedContext } from './seed-support';

export async function seedGroups(_context: SeedContext): Promise<void> {}
