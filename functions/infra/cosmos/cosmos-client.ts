/**
 * The one place that builds a `CosmosClient`, for Azure Cosmos DB and the local server alike.
 *
 * - Keep-alive agent: a TLS handshake per request makes the local server about 5x slower, and
 *   Azure recommends reusing connections too.
 * - `caCertPem` (local only): the agent trusts exactly that certificate and nothing else, so
 *   TLS is still verified — against the certificate the local server generated. Trusting only
 *   it is enough because a local client talks to no other host. Without it (Azure) the
 *   agent uses Node's default roots. TLS verification is never turned off.
 * - Endpoint discovery off for loopback endpoints: the local server has one "region" and
 *   advertises a host that may differ from the one the client was given (localhost vs
 *   127.0.0.1); discovery would only add a background refresh and a host switch.
 */
import https from 'node:https';
import { CosmosClient, type ConnectionPolicy } from '@azure/cosmos';

export interface CosmosConnection {
  endpoint: string;
  key: string;
  /** PEM of the CA that signed the server's certificate; only for the local server. */
  caCertPem?: string;
}

export function createCosmosClient(connection: CosmosConnection): CosmosClient {
  const agent = new https.Agent({
    keepAlive: true,
    minVersion: 'TLSv1.2',
    ...(connection.caCertPem ? { ca: connection.caCertPem } : {}),
  });
  const connectionPolicy: ConnectionPolicy = isLoopback(connection.endpoint)
    ? { enableEndpointDiscovery: false, enableBackgroundEndpointRefreshing: false }
    : {};
  return new CosmosClient({ endpoint: connection.endpoint, key: connection.key, agent, connectionPolicy });
}

export function isLoopback(endpoint: string): boolean {
  const hostname = new URL(endpoint).hostname.replace(/^\[|\]$/g, '');
  return hostname === 'localhost' || hostname === '::1' || /^127(\.\d{1,3}){3}$/.test(hostname);
}
