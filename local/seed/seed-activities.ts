/** PLACEHOLDER owned by the activities feature: replace wholesale. */
import type { SeedContext } from './seed-support';

export async function seedActivities(_context: SeedContext): Promise<void> {}
