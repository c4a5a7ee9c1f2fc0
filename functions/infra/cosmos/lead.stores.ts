/** The leads feature's storage: the `leads` container and the reference look-ups merges need. */
import type { Container, Database, SqlParameter } from '@azure/cosmos';
import type { LeadStores, MergeReferences } from '../../../shared/domain/lead';
import { CONTAINERS, partitionKeyOf } from './containers';
import { toAppError } from './cosmos-errors';
import { CosmosLeadRepository } from './lead.repository';

class CosmosMergeReferences implements MergeReferences {
  constructor(
    private readonly opportunities: Container,
    private readonly accounts: Container,
  ) {}

  opportunityIdsOfContact(tenantId: string, contactId: string, limit: number): Promise<string[]> {
    return this.idsWhere(this.opportunities, tenantId, 'c.contactId = @id', contactId, limit);
  }

  childAccountIds(tenantId: string, accountId: string, limit: number): Promise<string[]> {
    return this.idsWhere(this.accounts, tenantId, 'c.parentAccountId = @id', accountId, limit);
  }

  private async idsWhere(container: Container, tenantId: string, condition: string, id: string, limit: number): Promise<string[]> {
    const parameters: SqlParameter[] = [
      { name: '@tenantId', value: tenantId },
      { name: '@id', value: id },
    ];
    const query = `SELECT TOP ${Math.trunc(limit)} c.id, c.tenantId FROM c WHERE c.tenantId = @tenantId AND c.deletedAt = null AND ${condition}`;
    try {
      const { resources } = await container.items.query<{ id: string; tenantId: string }>({ query, parameters }, { partitionKey: partitionKeyOf(tenantId) }).fetchAll();
      return resources.filter((resource) => resource.tenantId === tenantId).map((resource) => resource.id);
    } catch (error) {
      throw toAppError(error, 'finding records that refer to a merged one');
    }
  }
}

export function createLeadStores(database: Database): LeadStores {
  return {
    leads: new CosmosLeadRepository(database.container(CONTAINERS.leads)),
    references: new CosmosMergeReferences(database.container(CONTAINERS.opportunities), database.container(CONTAINERS.accounts)),
  };
}
