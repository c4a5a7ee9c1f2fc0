/** PLACEHOLDER owned by the competitors feature: replace wholesale. */
import type { Database } from '@azure/cosmos';
import type { CompetitorStores } from '../../../shared/domain/competitor';

export function createCompetitorStores(_database: Database): CompetitorStores {
  return {};
}
