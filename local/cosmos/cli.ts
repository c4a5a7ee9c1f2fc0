/**
 * Runs the local Cosmos server as its own process:
 *
 *   tsx local/cosmos/cli.ts [--port 8081] [--data-dir .data/cosmos] [--host 127.0.0.1]
 *                           [--compact-after-bytes 67108864]
 *
 * When listening it prints one JSON line on stdout — endpoint, key and the path of the CA
 * certificate other processes must trust — and nothing else. SIGINT/SIGTERM flush and exit 0;
 * a start that fails explains what to do on stderr and exits 1.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { LOCAL_DATA_DIR, LOCAL_HOST, localPorts } from '../local-defaults';
import { CERT_FILE } from './certificate';
import { startLocalCosmos, type LocalCosmos } from './cosmos-server';

interface CliOptions {
  port: number;
  host: string;
  dataDir: string;
  compactAfterBytes?: number;
}

function parseCommandLine(argv: string[]): CliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      'compact-after-bytes': { type: 'string' },
    },
  });
  const port = values.port === undefined ? localPorts.cosmos : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a TCP port number, got "${values.port}"`);
  const compactAfter = values['compact-after-bytes'];
  const compactAfterBytes = compactAfter === undefined ? undefined : Number(compactAfter);
  if (compactAfterBytes !== undefined && !(Number.isInteger(compactAfterBytes) && compactAfterBytes > 0)) {
    throw new UsageError(`--compact-after-bytes must be a positive whole number, got "${compactAfter}"`);
  }
  return {
    port,
    host: values.host ?? LOCAL_HOST,
    dataDir: path.resolve(values['data-dir'] ?? path.join(LOCAL_DATA_DIR, 'cosmos')),
    compactAfterBytes,
  };
}

class UsageError extends Error {}

function explain(error: unknown, options: CliOptions | undefined): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (options && code === 'EADDRINUSE') {
    return `port ${options.port} on ${options.host} is already in use (another local Cosmos?). Stop that process or pass --port <free port>.`;
  }
  if (options && code === 'EACCES') return `not allowed to listen on ${options.host}:${options.port}. Pass --port above 1024.`;
  if (error instanceof UsageError || (error as { code?: string } | undefined)?.code?.startsWith('ERR_PARSE_ARGS')) {
    return `${(error as Error).message}\nusage: tsx local/cosmos/cli.ts [--port 8081] [--data-dir .data/cosmos] [--host 127.0.0.1] [--compact-after-bytes N]`;
  }
  return error instanceof Error ? error.message : String(error);
}

function stopOnSignals(server: LocalCosmos): void {
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`local Cosmos did not shut down cleanly: ${explain(error, undefined)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function main(): Promise<void> {
  let options: CliOptions | undefined;
  try {
    options = parseCommandLine(process.argv.slice(2));
    const server = await startLocalCosmos(options);
    stopOnSignals(server);
    const ready = { ready: true, endpoint: server.endpoint, key: server.key, caCertPath: path.join(options.dataDir, CERT_FILE) };
    process.stdout.write(`${JSON.stringify(ready)}\n`);
  } catch (error) {
    process.stderr.write(`local Cosmos could not start: ${explain(error, options)}\n`);
    process.exit(1);
  }
}

void main();
