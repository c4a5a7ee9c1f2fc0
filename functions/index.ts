/**
 * Azure entry point: registers the function table with the Azure Functions v4 programming model.
 * The local dev host serves the same table (local/host/dev-host.ts).
 */
import { app, type InvocationContext } from '@azure/functions';
import { createAppServices, type AppServices } from './app-services';
import { loadConfig } from './config';
import { buildFunctionTable } from './function-table';
import type { FunctionTable } from './function-table.types';

/** Settings holding the connections the trigger bindings use (app settings in Azure). */
export const CONNECTION_SETTINGS = { cosmos: 'COSMOS', storage: 'AzureWebJobsStorage' } as const;

export function registerFunctionTable(table: FunctionTable): void {
  for (const fn of table.http) {
    app.http(fn.name, { route: fn.route, methods: [...fn.methods], authLevel: 'anonymous', handler: fn.handler });
  }
  for (const fn of table.timers) {
    app.timer(fn.name, { schedule: fn.schedule, runOnStartup: fn.runOnStartup ?? false, handler: fn.handler });
  }
  for (const fn of table.changeFeeds) {
    app.cosmosDB(fn.name, {
      connection: CONNECTION_SETTINGS.cosmos,
      databaseName: table.databaseName,
      containerName: fn.containerName,
      leaseContainerName: 'leases',
      leaseContainerPrefix: `${fn.name}-`,
      createLeaseContainerIfNotExists: true,
      handler: (documents: unknown[], context: InvocationContext) => fn.handler(documents, context),
    });
  }
  for (const fn of table.queues) {
    app.storageQueue(fn.name, { queueName: fn.queueName, connection: CONNECTION_SETTINGS.storage, handler: fn.handler });
  }
}

let services: Promise<AppServices> | undefined;
function appServices(): Promise<AppServices> {
  services ??= createAppServices(loadConfig()).catch((error: unknown) => {
    services = undefined; // the next request tries again instead of failing forever
    throw error;
  });
  return services;
}

registerFunctionTable(buildFunctionTable(appServices, process.env.COSMOS_DATABASE ?? 'crm'));
