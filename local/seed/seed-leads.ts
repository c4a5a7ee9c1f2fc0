/** PLACEHOLDER owned by the leads feature: replace wholesale. */
import type { SeedContext } from './seed-support';

export async function seedLeads(_context: SeedContext): Promise<void> {}
