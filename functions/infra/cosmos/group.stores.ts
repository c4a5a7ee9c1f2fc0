/** PLACEHOLDER owned by the groups feature: replace wholesale. */
import type { Database } from '@azure/cosmos';
import type { GroupStores } from '../../../shared/domain/group';

export function createGroupStores(_database: Database): GroupStores {
  return {};
}
