/**
 * Azurite (Microsoft's Storage emulator) for the local default stack and the integration tests:
 * Blob and Queue services on loopback, reached through the same connection-string code as Azure.
 */
import { LOCAL_HOST } from '../local-defaults';
import { startAzuriteProcess, type RunningAzurite } from './azurite-process';

export interface LocalStorage {
  connectionString: string;
  blobEndpoint: string;
  queueEndpoint: string;
  close(): Promise<void>;
}

export interface AzuriteOptions {
  /** 0 (the default) picks free ports. */
  blobPort?: number;
  queuePort?: number;
  /** Loopback by default. */
  host?: string;
  /** Where to keep data between runs; undefined keeps it in memory (tests). */
  dataDir?: string;
}

/** Azurite's single built-in account. */
export const AZURITE_ACCOUNT_NAME = 'devstoreaccount1';

/**
 * The emulator's well-known account key. Microsoft publishes it in the Azurite documentation and it
 * is the same on every machine: it is not a secret and grants nothing outside a local emulator.
 */
export const AZURITE_ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export function azuriteConnectionString(blobEndpoint: string, queueEndpoint: string): string {
  return [
    'DefaultEndpointsProtocol=http',
    `AccountName=${AZURITE_ACCOUNT_NAME}`,
    `AccountKey=${AZURITE_ACCOUNT_KEY}`,
    `BlobEndpoint=${blobEndpoint}`,
    `QueueEndpoint=${queueEndpoint}`,
  ].join(';');
}

function endpoint(host: string, port: number): string {
  // A wildcard listen address is not somewhere a client can connect to.
  const connectHost = host === '0.0.0.0' || host === '::' ? LOCAL_HOST : host.includes(':') ? `[${host}]` : host;
  return `http://${connectHost}:${port}/${AZURITE_ACCOUNT_NAME}`;
}

export async function startAzurite(options: AzuriteOptions = {}): Promise<LocalStorage> {
  const host = options.host ?? LOCAL_HOST;
  const common = { host, dataDir: options.dataDir };
  // Both services start in parallel; if one fails, the other is stopped before rejecting.
  const results = await Promise.allSettled([
    startAzuriteProcess({ ...common, service: 'blob', port: options.blobPort ?? 0 }),
    startAzuriteProcess({ ...common, service: 'queue', port: options.queuePort ?? 0 }),
  ]);
  const started = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const [blobResult, queueResult] = results;
  if (blobResult?.status !== 'fulfilled' || queueResult?.status !== 'fulfilled') {
    await Promise.all(started.map((service) => service.stop()));
    const failure = results.find((result) => result.status === 'rejected');
    throw failure?.status === 'rejected' ? failure.reason : new Error('Azurite did not start');
  }
  const blobEndpoint = endpoint(host, blobResult.value.port);
  const queueEndpoint = endpoint(host, queueResult.value.port);
  let closing: Promise<void> | undefined;
  return {
    connectionString: azuriteConnectionString(blobEndpoint, queueEndpoint),
    blobEndpoint,
    queueEndpoint,
    close: () => (closing ??= stopAll(started)),
  };
}

async function stopAll(services: RunningAzurite[]): Promise<void> {
  await Promise.all(services.map((service) => service.stop()));
}
