/**
 * The project's one table of functions: HTTP routes from the API contract, the change-feed,
 * queue and timer handlers. Azure (functions/index.ts) and the dev host (local/host) both read it.
 */
import type { InvocationContext } from '@azure/functions';
import { api } from '../shared/contracts/api.contract';
import { AppError } from '../shared/domain/errors';
import { QUEUES, type AppServices } from './app-services';
import { ALL_HTTP_METHODS, type FunctionTable, type HttpFunction } from './function-table.types';
import { accountRoutes } from './http/accounts.routes';
import { activityRoutes } from './http/activities.routes';
import { adminRoutes } from './http/admin.routes';
import { auditRoutes } from './http/audit.routes';
import { catalogRoutes } from './http/catalog.routes';
import { competitorRoutes } from './http/competitors.routes';
import { groupRoutes } from './http/groups.routes';
import { contactRoutes } from './http/contacts.routes';
import { emailTemplateRoutes } from './http/email-templates.routes';
import type { EndpointBinding } from './http/endpoint-binding';
import { historyRoutes } from './http/history.routes';
import { importRoutes } from './http/imports.routes';
import { leadRoutes } from './http/leads.routes';
import { opportunityRoutes } from './http/opportunities.routes';
import { outlookRoutes } from './http/outlook.routes';
import { createRouteHandler } from './http/http-pipeline';
import { platformRoutes } from './http/platform.routes';
import { quotaRoutes } from './http/quotas.routes';
import { syncRoutes } from './http/sync.routes';
import { problemResponse } from './http/problem';
import { CONTAINERS } from './infra/cosmos/containers';
import { onAccountChangedJob, onAccountsChanged } from './triggers/account-changes.trigger';
import { onAuditedRecordsChanged } from './triggers/audit-repair.trigger';
import { onImportJob } from './triggers/import-jobs.trigger';
import { onNightlyMaintenance } from './triggers/maintenance.trigger';
import { onOpportunitiesChanged } from './triggers/opportunity-timeline.trigger';

export const DATABASE_NAME_SETTING = 'COSMOS_DATABASE';

/** Containers of records written through the RecordStore, whose audit entries the change feed repairs. */
const AUDITED_CONTAINERS = [
  CONTAINERS.accounts,
  CONTAINERS.contacts,
  CONTAINERS.leads,
  CONTAINERS.opportunities,
  CONTAINERS.activities,
  CONTAINERS.products,
  CONTAINERS.priceLists,
  CONTAINERS.quotes,
  CONTAINERS.orders,
  CONTAINERS.competitors,
  CONTAINERS.quotas,
  CONTAINERS.emailTemplates,
];

export const allRoutes: EndpointBinding[] = [
  ...platformRoutes,
  ...accountRoutes,
  ...contactRoutes,
  ...opportunityRoutes,
  ...activityRoutes,
  ...historyRoutes,
  ...syncRoutes,
  ...auditRoutes,
  ...importRoutes,
  ...adminRoutes,
  ...catalogRoutes,
  ...leadRoutes,
  ...competitorRoutes,
  ...groupRoutes,
  ...quotaRoutes,
  ...emailTemplateRoutes,
  ...outlookRoutes,
];

function functionNameOf(route: string): string {
  return route.replace(/[{}*]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '') || 'root';
}

function httpFunctions(services: () => Promise<AppServices>): HttpFunction[] {
  const byRoute = new Map<string, EndpointBinding[]>();
  for (const binding of allRoutes) byRoute.set(binding.endpoint.path, [...(byRoute.get(binding.endpoint.path) ?? []), binding]);
  const routes: HttpFunction[] = [...byRoute].map(([route, bindings]) => ({
    name: functionNameOf(route),
    route,
    methods: ALL_HTTP_METHODS,
    handler: createRouteHandler(bindings, services),
  }));
  // Last and least specific: anything else gets a problem+json 404 rather than the host's blank page.
  routes.push({
    name: 'not-found',
    route: '{*path}',
    methods: ALL_HTTP_METHODS,
    handler: async (request) => problemResponse(new AppError('NOT_FOUND', `Nothing at ${new URL(request.url).pathname}. See /api/openapi.json.`)),
  });
  return routes;
}

export function buildFunctionTable(services: () => Promise<AppServices>, databaseName: string): FunctionTable {
  return {
    databaseName,
    http: httpFunctions(services),
    changeFeeds: [
      { name: 'accounts-changed', containerName: CONTAINERS.accounts, handler: async (documents, context) => onAccountsChanged(await services(), documents, context) },
      { name: 'opportunities-changed', containerName: CONTAINERS.opportunities, handler: async (documents, context) => onOpportunitiesChanged(await services(), documents, context) },
      ...AUDITED_CONTAINERS.map((containerName) => ({
        name: `audit-${containerName}`,
        containerName,
        handler: async (documents: unknown[], context: InvocationContext) => onAuditedRecordsChanged(await services(), documents, context),
      })),
    ],
    queues: [
      { name: 'account-changed-job', queueName: QUEUES.accountChanged, handler: async (message, context) => onAccountChangedJob(await services(), message, context) },
      { name: 'import-job', queueName: QUEUES.imports, handler: async (message, context) => onImportJob(await services(), message, context) },
    ],
    timers: [
      { name: 'nightly-maintenance', schedule: '0 30 2 * * *', handler: async (_timer, context) => onNightlyMaintenance(await services(), context) },
    ],
  };
}

/** Every endpoint of the contract is served: checked by a test, so none is forgotten. */
export const servedEndpointIds = allRoutes.map((binding) => binding.endpoint.id);
export const contractEndpointIds = Object.values(api).map((endpoint) => endpoint.id);
