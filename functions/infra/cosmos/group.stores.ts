/** Storage of groups: the groups container, and reads of the members' own containers. */
import type { Database } from '@azure/cosmos';
import type { GroupStores } from '../../../shared/domain/group';
import { CONTAINERS } from './containers';
import { CosmosGroupMemberSource, CosmosGroupRepository } from './group.repository';

export function createGroupStores(database: Database): GroupStores {
  return {
    groups: new CosmosGroupRepository(database.container(CONTAINERS.groups)),
    members: new CosmosGroupMemberSource({
      contacts: database.container(CONTAINERS.contacts),
      accounts: database.container(CONTAINERS.accounts),
      opportunities: database.container(CONTAINERS.opportunities),
    }),
  };
}
