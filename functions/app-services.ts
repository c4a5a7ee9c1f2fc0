/**
 * Composition root: builds the adapters once per process from the configuration and hands
 * them to handlers. The only file that knows which implementation serves which interface.
 */
import { randomUUID } from 'node:crypto';
import type { CosmosClient } from '@azure/cosmos';
import { api } from '../shared/contracts/api.contract';
import type { HealthReport } from '../shared/contracts/health.contract';
import { buildOpenApiDocument } from '../shared/contracts/openapi';
import { DEFAULT_FIELD_RULES, fieldPolicyFor, type FieldPolicy, type FieldRule } from '../shared/domain/field-security';
import { effectiveRoles, type RoleAssignment } from '../shared/domain/access-policy';
import type { Principal } from '../shared/domain/principal';
import { scopeOf, type AccessScope, type Team } from '../shared/domain/record-access';
import type { Territory } from '../shared/domain/territory';
import type { UserDirectory } from '../shared/domain/user-directory';
import type { AppConfig } from './config';
import { CosmosAccountRepository } from './infra/cosmos/account.repository';
import { CosmosAuditLog } from './infra/cosmos/audit-log';
import { createCatalogStores } from './infra/cosmos/catalog.stores';
import { createLeadStores } from './infra/cosmos/lead.stores';
import { createCompetitorStores } from './infra/cosmos/competitor.stores';
import { createGroupStores } from './infra/cosmos/group.stores';
import { createEmailTemplateRepository } from './infra/cosmos/email-template.repository';
import { createTrackedEmailRepository } from './infra/cosmos/tracked-email.repository';
import { CosmosActivityRepository } from './infra/cosmos/activity.repository';
import { CosmosHistoryRepository } from './infra/cosmos/history.repository';
import { CosmosIdempotencyStore } from './infra/cosmos/idempotency.store';
import { CosmosImportJobRepository } from './infra/cosmos/import-job.repository';
import { CosmosTenantSetting } from './infra/cosmos/tenant-setting.store';
import { CosmosOpportunityRepository } from './infra/cosmos/opportunity.repository';
import { CosmosQuotaRepository } from './infra/cosmos/quota.repository';
import { CosmosSalesStageSettingsRepository } from './infra/cosmos/sales-settings.repository';
import { CONTAINERS, ensureDatabase } from './infra/cosmos/containers';
import { CosmosContactRepository } from './infra/cosmos/contact.repository';
import { createCosmosClient } from './infra/cosmos/cosmos-client';
import { CosmosEmailIndex } from './infra/cosmos/email-index';
import { createUserDirectory } from './infra/cosmos/user-directory.store';
import { createTokenValidator } from './infra/identity/token-validator';
import { createBlobStore } from './infra/storage/blob-store';
import { createJobQueue } from './infra/storage/queue';
import { checkStorage } from './infra/storage/storage-health';
import type { IdempotencyStore } from './http/idempotency';
import type { UseCaseDeps } from './usecases/usecase-context';

export const QUEUES = {
  /** An account changed: refresh the copies of its name on its contacts. */
  accountChanged: 'account-changed',
  /** An import was committed: apply its rows in the background, reporting progress. */
  imports: 'imports',
} as const;

export interface AppServices {
  config: AppConfig;
  deps: UseCaseDeps;
  cosmos: CosmosClient;
  idempotency: IdempotencyStore;
  /** The caller's field-level security, from the tenant's rules (cached briefly per tenant). */
  fieldPolicy(principal: Principal): Promise<FieldPolicy>;
  /** Who the caller works with (teams), for record-level access. */
  accessScope(principal: Principal): Promise<AccessScope>;
  authenticate(authorizationHeader: string | undefined): Promise<Principal>;
  health(): Promise<HealthReport>;
  openApiDocument(): Record<string, unknown>;
}

export async function createAppServices(config: AppConfig): Promise<AppServices> {
  const cosmos = createCosmosClient(config.cosmos);
  const database = await ensureDatabase(cosmos, config.cosmos.databaseId);
  const validator = createTokenValidator(config.auth);
  const deps: UseCaseDeps = {
    stores: {
      accounts: new CosmosAccountRepository(database.container(CONTAINERS.accounts)),
      contacts: new CosmosContactRepository(database.container(CONTAINERS.contacts)),
      emailIndex: new CosmosEmailIndex(database.container(CONTAINERS.emailIndex)),
      opportunities: new CosmosOpportunityRepository(database.container(CONTAINERS.opportunities)),
      salesStages: new CosmosSalesStageSettingsRepository(database.container(CONTAINERS.settings)),
      activities: new CosmosActivityRepository(database.container(CONTAINERS.activities)),
      history: new CosmosHistoryRepository(database.container(CONTAINERS.history)),
      audit: new CosmosAuditLog(database.container(CONTAINERS.audit)),
      fieldRules: new CosmosTenantSetting<FieldRule[]>(database.container(CONTAINERS.settings), 'field-rules', () => [...DEFAULT_FIELD_RULES]),
      teams: new CosmosTenantSetting<Team[]>(database.container(CONTAINERS.settings), 'teams', () => []),
      territories: new CosmosTenantSetting<Territory[]>(database.container(CONTAINERS.settings), 'territories', () => []),
      quotas: new CosmosQuotaRepository(database.container(CONTAINERS.quotas)),
      roleAssignments: new CosmosTenantSetting<RoleAssignment[]>(database.container(CONTAINERS.settings), 'role-assignments', () => []),
      catalog: createCatalogStores(database),
      leads: createLeadStores(database),
      competitors: createCompetitorStores(database),
      groups: createGroupStores(database),
      emailTemplates: createEmailTemplateRepository(database),
      trackedEmails: createTrackedEmailRepository(database),
      userDirectory: createUserDirectory(database.container(CONTAINERS.settings)),
      importJobs: new CosmosImportJobRepository(database.container(CONTAINERS.importJobs)),
    },
    now: () => new Date(),
    newId: randomUUID,
    queues: {
      accountChanged: createJobQueue(config.storage.connectionString, QUEUES.accountChanged),
      imports: createJobQueue(config.storage.connectionString, QUEUES.imports),
    },
    files: {
      attachments: createBlobStore(config.storage.connectionString, 'attachments'),
      imports: createBlobStore(config.storage.connectionString, 'imports'),
    },
  };
  let openApi: Record<string, unknown> | undefined;
  return {
    config,
    deps,
    cosmos,
    idempotency: new CosmosIdempotencyStore(database.container(CONTAINERS.idempotency)),
    fieldPolicy: async (principal) => fieldPolicyFor((await deps.stores.fieldRules.get(principal.tenantId)).value, principal.roles),
    accessScope: async (principal) => {
      const [teams, territories] = await Promise.all([deps.stores.teams.get(principal.tenantId), deps.stores.territories.get(principal.tenantId)]);
      return scopeOf(principal.userId, teams.value, territories.value);
    },
    authenticate: async (header) => {
      const principal = await validator.validate(header);
      const { value: assignments } = await deps.stores.roleAssignments.get(principal.tenantId);
      const roles = effectiveRoles(principal.roles, principal.userId, assignments);
      // Only people who use the CRM (a role) are named on cards; callers without one get a 403 anyway.
      if (roles.length > 0) await recordSignIn(deps.stores.userDirectory, principal);
      return { ...principal, roles };
    },
    health: () => checkHealth(config, cosmos),
    openApiDocument: () =>
      (openApi ??= buildOpenApiDocument(Object.values(api), { title: 'Office CRM API', version: config.version, serverUrl: '/api' })),
  };
}

/**
 * Best effort: the directory only puts names on cards, and Microsoft Graph will replace it. A
 * failed write must not cost the user their request; the next request of that user tries again.
 */
async function recordSignIn(directory: UserDirectory, principal: Principal): Promise<void> {
  const { tenantId, userId, displayName, email } = principal;
  try {
    await directory.record(tenantId, { userId, displayName, email });
  } catch (error) {
    console.warn(`Could not record user ${userId} in the user directory of tenant ${tenantId}; continuing without it.`, error);
  }
}

async function timed(check: () => Promise<string>): Promise<{ ok: boolean; detail: string; latencyMs: number }> {
  const started = performance.now();
  try {
    const detail = await check();
    return { ok: true, detail, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, detail, latencyMs: Math.round(performance.now() - started) };
  }
}

async function checkHealth(config: AppConfig, cosmos: CosmosClient): Promise<HealthReport> {
  const [database, storage, identity] = await Promise.all([
    timed(async () => {
      await cosmos.database(config.cosmos.databaseId).read();
      return `database ${config.cosmos.databaseId} reachable`;
    }),
    timed(async () => {
      const result = await checkStorage(config.storage.connectionString);
      if (!result.ok) throw new Error(result.detail);
      return result.detail;
    }),
    timed(async () => {
      const response = await fetch(config.auth.jwksUri, { signal: AbortSignal.timeout(3000) });
      if (!response.ok) throw new Error(`signing keys answered ${response.status}`);
      return 'signing keys reachable';
    }),
  ]);
  const dependencies = { cosmos: database, storage, identity };
  const ok = Object.values(dependencies).every((dependency) => dependency.ok);
  return { status: ok ? 'ok' : 'degraded', version: config.version, dependencies };
}
