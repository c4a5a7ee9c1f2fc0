/** The containers of the CRM database. One place builds partition keys (see partitionKeyOf). */
import type { ContainerDefinition, CosmosClient, Database } from '@azure/cosmos';

export const CONTAINERS = {
  accounts: 'accounts',
  contacts: 'contacts',
  /** Normalised e-mail → contact ids: the Outlook sender lookup in one point read. */
  emailIndex: 'email-index',
  opportunities: 'opportunities',
  activities: 'activities',
  /** Timelines: one document per history entry and record it regards. */
  history: 'history',
  /** Per-tenant settings documents (sales stages, ...). */
  settings: 'settings',
  /** Responses of creates sent with an Idempotency-Key, replayed when the same request comes again. */
  idempotency: 'idempotency',
  /** Append-only audit trail: who changed which field of which record, when. */
  audit: 'audit',
  /** Import jobs: their state, progress and per-row errors. */
  importJobs: 'import-jobs',
  leads: 'leads',
  products: 'products',
  priceLists: 'price-lists',
  quotes: 'quotes',
  orders: 'orders',
  /** SKU reservations and document-number counters of the catalogue. */
  catalogKeys: 'catalog-keys',
  competitors: 'competitors',
  quotas: 'quotas',
  /** Saved searches and static groups (with their explicit members). */
  groups: 'groups',
  /** E-mail templates (shared or personal) inserted from Outlook compose and reused by mail merge. */
  emailTemplates: 'email-templates',
  /** E-mails tracked from Outlook, keyed by their message id so one is never tracked twice. */
  trackedEmails: 'tracked-emails',
  /** Change-feed checkpoints of the local dev host; Azure keeps its own leases. */
  leases: 'leases',
} as const;
export type ContainerName = (typeof CONTAINERS)[keyof typeof CONTAINERS];

export const TENANT_PARTITION_PATH = '/tenantId';

/**
 * Every record lives in its tenant's partition. Moving very large tenants to hierarchical keys
 * ([/tenantId, /accountId]) changes this function and the definitions below, nothing else.
 */
export function partitionKeyOf(tenantId: string): string {
  return tenantId;
}

function definitionOf(id: ContainerName): ContainerDefinition {
  if (id === CONTAINERS.leases) return { id, partitionKey: { paths: ['/id'] } };
  // Per-item `ttl` expires idempotency records in Azure (the local server ignores TTL).
  if (id === CONTAINERS.idempotency) return { id, partitionKey: { paths: [TENANT_PARTITION_PATH] }, defaultTtl: -1 };
  // Template bodies (and their copies in lastChange) are never queried: indexing them only costs RU on writes.
  const unqueried = id === CONTAINERS.emailTemplates ? [{ path: '/html/?' }, { path: '/lastChange/*' }] : [];
  return {
    id,
    partitionKey: { paths: [TENANT_PARTITION_PATH] },
    // Search text is matched with CONTAINS and never ranged over: keep it out of the index.
    indexingPolicy: {
      indexingMode: 'consistent',
      includedPaths: [{ path: '/*' }],
      excludedPaths: [{ path: '/searchText/?' }, { path: '/"_etag"/?' }, ...unqueried],
      // The sync feed pages changes in (_ts, id) order.
      compositeIndexes: [[{ path: '/_ts', order: 'ascending' }, { path: '/id', order: 'ascending' }]],
    },
  };
}

export async function ensureDatabase(client: CosmosClient, databaseId: string): Promise<Database> {
  const { database } = await client.databases.createIfNotExists({ id: databaseId });
  for (const id of Object.values(CONTAINERS)) {
    await database.containers.createIfNotExists(definitionOf(id));
  }
  return database;
}
