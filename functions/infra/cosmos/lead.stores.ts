/** PLACEHOLDER owned by the leads feature: replace wholesale. */
import type { Database } from '@azure/cosmos';
import type { LeadStores } from '../../../shared/domain/lead';

export function createLeadStores(_database: Database): LeadStores {
  return {};
}
