/**
 * Runs the identity stand-in as its own process (for `npm start`):
 *   tsx local/identity/cli.ts [--port 7072] [--host 127.0.0.1] [--data-dir .data/identity] [--memory] [--audience api://office-crm]
 * Prints one JSON line on stdout once it listens, so a supervisor can wait for it and read its
 * settings; logs go to stderr.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { LOCAL_DATA_DIR, LOCAL_HOST, localPorts } from '../local-defaults';
import { startIdentityServer, type IdentityServerOptions } from './identity-server';

function readOptions(): IdentityServerOptions {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      memory: { type: 'boolean' },
      audience: { type: 'string' },
    },
  });
  const port = values.port === undefined ? localPorts.identity : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a TCP port number, got "${values.port}"`);
  // The key is kept by default so a restart does not invalidate the tokens the add-ins hold.
  const dataDir = values.memory ? undefined : path.resolve(values['data-dir'] ?? path.join(LOCAL_DATA_DIR, 'identity'));
  return { port, host: values.host ?? LOCAL_HOST, dataDir, audience: values.audience };
}

class UsageError extends Error {}

async function main(): Promise<void> {
  let options: IdentityServerOptions;
  try {
    options = readOptions();
  } catch (error) {
    process.stderr.write(`identity stand-in: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
    return;
  }
  const server = await startIdentityServer(options);
  const { baseUrl, jwksUri, issuerTemplate, audience } = server;
  process.stdout.write(`${JSON.stringify({ ready: true, baseUrl, jwksUri, issuerTemplate, audience })}\n`);
  const stop = (): void => {
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`identity stand-in: failed to close: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EADDRINUSE' || code === 'EACCES') {
    const { port, address } = error as NodeJS.ErrnoException & { port?: number; address?: string };
    const why = code === 'EADDRINUSE' ? 'is already in use (is another `npm start` running?)' : 'may not be opened by this user';
    process.stderr.write(`identity stand-in: port ${port ?? '?'} on ${address ?? LOCAL_HOST} ${why}. Stop that process or choose another port with --port or IDENTITY_PORT.\n`);
  } else {
    process.stderr.write(`identity stand-in: failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
