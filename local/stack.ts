/**
 * The whole product on its local default: Cosmos DB, Azurite, the identity stand-in and the
 * Functions dev host, wired through the same environment variables Azure uses. `npm start`
 * runs it with persistent data and fixed ports; tests run it in memory on free ports.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { LogLevel } from '@azure/functions';
import { createAppServices, type AppServices } from '../functions/app-services';
import { loadConfig } from '../functions/config';
import { buildFunctionTable } from '../functions/function-table';
import { startAddinServer } from './addin-server/addin-server';
import { startAzurite, type LocalStorage } from './azurite/azurite-server';
import { startLocalCosmos, type LocalCosmos } from './cosmos/cosmos-server';
import { startDevHost, type DevHost } from './host/dev-host';
import { startIdentityServer, type IdentityServer } from './identity/identity-server';
import { buildPreviewSamples } from './office-preview/preview-samples';
import { seedDemoData, type SeedReport } from './seed/seed-demo';

export interface LocalStackPorts {
  functions: number;
  identity: number;
  cosmos: number;
  blob: number;
  queue: number;
  addins: number;
}

export interface LocalStackOptions {
  /** Persistent state lives here; undefined keeps everything in memory (tests). */
  dataDir?: string;
  /** 0 or absent = a free port. */
  ports?: Partial<LocalStackPorts>;
  host?: string;
  seed?: boolean;
  runTimers?: boolean;
  /**
   * Change feeds and queues (default on). Benchmarks turn them off: in Azure they run on their own
   * infrastructure, while here the `_ts` polling would compete with the requests being measured.
   */
  backgroundWork?: boolean;
  changeFeedPollMs?: number;
  queuePollMs?: number;
  corsOrigins?: string[];
  log?: (level: LogLevel, source: string, message: string) => void;
  /** Serve the built add-ins and the Office preview over https (npm start, browser tests). */
  addins?: { distDir: string; previewDir: string };
}

/** The identity stand-in's API audience and the scope the panes ask for. */
const ADDIN_CLIENT_ID = 'office-crm-addin';

/** What the panes read at start in local mode: same-origin API and token endpoint through the add-in server. */
export function localPaneConfig(audience: string): Record<string, unknown> {
  return {
    apiBaseUrl: '/api',
    auth: {
      mode: 'local',
      clientId: ADDIN_CLIENT_ID,
      // Through the add-in server too: the sign-in dialog stays on the pane's origin (no mixed content, same-site cookies).
      authorizeUrl: '/identity/organizations/oauth2/v2.0/authorize',
      tokenUrl: '/identity/organizations/oauth2/v2.0/token',
      scope: `${audience}/access_as_user openid offline_access`,
    },
  };
}

export interface LocalStack {
  apiUrl: string;
  env: Record<string, string>;
  cosmos: LocalCosmos;
  storage: LocalStorage;
  identity: IdentityServer;
  host: DevHost;
  services: AppServices;
  seed: SeedReport | undefined;
  /** https://localhost:<port> when the add-ins are served. */
  addinUrl: string | undefined;
  tokenFor(username: string): Promise<string>;
  close(): Promise<void>;
}

/** Starts the parts in order, and stops the started ones again if a later one fails. */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const host = options.host ?? '127.0.0.1';
  const ports = options.ports ?? {};
  const stops: Array<() => Promise<void>> = [];
  const dataDir = options.dataDir;
  const scratch = dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'crm-stack-')));
  if (!dataDir) stops.push(() => rm(scratch, { recursive: true, force: true }));
  const sub = (name: string) => (dataDir ? path.join(dataDir, name) : undefined);
  try {
    // Each stand-in creates its own folder under dataDir.
    const cosmos = await startLocalCosmos({ port: ports.cosmos ?? 0, host, dataDir: sub('cosmos') });
    stops.push(() => cosmos.close());
    const storage = await startAzurite({ blobPort: ports.blob ?? 0, queuePort: ports.queue ?? 0, host, dataDir: sub('azurite') });
    stops.push(() => storage.close());
    const identity = await startIdentityServer({ port: ports.identity ?? 0, host, dataDir: sub('identity') });
    stops.push(() => identity.close());

    const caPath = path.join(scratch, 'cosmos-ca.pem');
    await writeFile(caPath, cosmos.caCertPem);
    const env: Record<string, string> = {
      COSMOS_ENDPOINT: cosmos.endpoint,
      COSMOS_KEY: cosmos.key,
      COSMOS_CA_CERT_PATH: caPath,
      COSMOS_DATABASE: 'crm',
      AzureWebJobsStorage: storage.connectionString,
      AUTH_JWKS_URI: identity.jwksUri,
      AUTH_ISSUER_TEMPLATE: identity.issuerTemplate,
      AUTH_AUDIENCE: identity.audience,
      AUTH_REQUIRED_SCOPE: 'access_as_user',
    };
    const config = loadConfig(env);
    const services = await createAppServices(config);
    const seed = options.seed ? await seedDemoData(services.deps) : undefined;
    const table = buildFunctionTable(async () => services, config.cosmos.databaseId);
    const background = options.backgroundWork !== false;
    const devHost = await startDevHost({
      table,
      host,
      port: ports.functions ?? 0,
      database: background ? services.cosmos.database(config.cosmos.databaseId) : undefined,
      storageConnectionString: background ? storage.connectionString : undefined,
      runTimers: options.runTimers ?? false,
      changeFeedPollMs: options.changeFeedPollMs,
      queuePollMs: options.queuePollMs,
      corsOrigins: options.corsOrigins,
      log: options.log,
    });
    stops.push(() => devHost.close());
    let addinUrl: string | undefined;
    if (options.addins) {
      const addins = await startAddinServer({
        port: ports.addins ?? 0,
        host,
        distDir: options.addins.distDir,
        previewDir: options.addins.previewDir,
        apiUrl: devHost.url,
        identityUrl: identity.baseUrl,
        certDir: path.join(scratch, 'addin-server'),
        config: localPaneConfig(identity.audience),
        samples: buildPreviewSamples(),
      });
      stops.push(() => addins.close());
      addinUrl = addins.url;
    }
    return {
      addinUrl,
      apiUrl: devHost.url,
      env,
      cosmos,
      storage,
      identity,
      host: devHost,
      services,
      seed,
      tokenFor: (username) => identity.issueToken(username),
      close: () => stopAll(stops),
    };
  } catch (error) {
    await stopAll(stops);
    throw error;
  }
}

async function stopAll(stops: Array<() => Promise<void>>): Promise<void> {
  for (const stop of stops.reverse()) {
    await stop().catch((error: unknown) => console.error('While stopping the local stack:', error));
  }
  stops.length = 0;
}
