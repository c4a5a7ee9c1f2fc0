/**
 * `npm start`: the whole product on its local default, with the data kept in .data/ between
 * runs. Prints what runs where, the demo users and how to get a token; Ctrl-C stops it all.
 */
import { DEMO_USERS, DEMO_TENANTS } from './identity/demo-directory';
import { LOCAL_DATA_DIR, LOCAL_HOST, localPorts } from './local-defaults';
import { sampleSenderAddress } from './seed/seed-demo';
import { ADDIN_DIST, PREVIEW_DIST, ensureAddinBuild } from './addin-build';
import { startLocalStack, type LocalStack } from './stack';

function line(label: string, value: string): string {
  return `  ${label.padEnd(22)} ${value}`;
}

function banner(stack: LocalStack, startedMs: number): string {
  const tenants = DEMO_TENANTS.map((tenant) => {
    const users = DEMO_USERS.filter((user) => user.tenantId === tenant.tenantId)
      .map((user) => `    ${user.username.padEnd(12)} ${user.roles.join(', ').padEnd(14)} ${user.displayName} <${user.email}>`)
      .join('\n');
    return `  ${tenant.displayName} (${tenant.tenantId})\n${users}`;
  });
  const seed = stack.seed ? `${stack.seed.created} records created, ${stack.seed.existing} already there` : 'skipped';
  return [
    '',
    `Office CRM is running (ready in ${(startedMs / 1000).toFixed(1)} s). Data: ${LOCAL_DATA_DIR}`,
    '',
    line('API', `${stack.apiUrl}   (health: ${stack.apiUrl}/health, OpenAPI: ${stack.apiUrl}/openapi.json)`),
    line('Identity (OpenID)', `${stack.identity.baseUrl}/common/v2.0/.well-known/openid-configuration`),
    line('Cosmos DB (local)', stack.cosmos.endpoint),
    line('Blob / Queue (Azurite)', `${stack.storage.blobEndpoint}  ${stack.storage.queueEndpoint}`),
    line('Demo data', seed),
    '',
    line('Outlook preview', `${stack.addinUrl}/preview/outlook.html   (Office.js simulated; sign in as rep1)`),
    line('Outlook manifest', `manifest.xml (sideload it: docs/sideloading.md; pane at ${stack.addinUrl}/outlook/taskpane.html)`),
    '  The add-in server uses a self-signed certificate (.data/addin-server/cert.pem): the browser warns once.',
    '',
    'Demo users (on the sign-in page pick one; scripts use the password "demo"):',
    ...tenants,
    '',
    'Try it:',
    '  TOKEN=$(npm run --silent token -- rep1)',
    `  curl -H "Authorization: Bearer $TOKEN" "${stack.apiUrl}/contacts/lookup?email=${sampleSenderAddress()}"`,
    `  curl -H "Authorization: Bearer $TOKEN" "${stack.apiUrl}/accounts?q=northwind"`,
    '',
    'Ctrl-C stops everything; the next npm start keeps the data (delete .data/ to start afresh).',
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const started = performance.now();
  await ensureAddinBuild((message) => console.log(message));
  console.log('Starting the local stack (Cosmos DB, Azurite, identity, Functions host, add-in server)...');
  const stack = await startLocalStack({
    dataDir: LOCAL_DATA_DIR,
    host: LOCAL_HOST,
    ports: localPorts,
    seed: true,
    runTimers: true,
    addins: { distDir: ADDIN_DIST, previewDir: PREVIEW_DIST },
    corsOrigins: [`https://localhost:${localPorts.addins}`, `https://127.0.0.1:${localPorts.addins}`],
    log: (level, source, message) => {
      if (level === 'error' || level === 'warning' || level === 'information') console.log(`[${source}] ${message}`);
    },
  });
  console.log(banner(stack, performance.now() - started));
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping...`);
    stack
      .close()
      .then(() => {
        console.log('Stopped. Data kept in .data/.');
        process.exit(0);
      })
      .catch((error: unknown) => {
        console.error('Could not stop cleanly:', error);
        process.exit(1);
      });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`\nnpm start failed: ${message}`);
  if (/EADDRINUSE/.test(message)) {
    console.error('A port is taken: is another npm start running? Stop it, or set FUNCTIONS_PORT, IDENTITY_PORT, COSMOS_PORT, AZURITE_BLOB_PORT, AZURITE_QUEUE_PORT.');
  }
  process.exit(1);
});
