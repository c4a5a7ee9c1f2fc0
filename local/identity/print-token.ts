/**
 * `npm run --silent token -- rep1` prints a bearer access token for a demo user, fetched from the
 * running identity stand-in with the password grant, for curl and scripts:
 *   curl -H "Authorization: Bearer $(npm run --silent token -- rep1)" http://127.0.0.1:7071/api/...
 */
import { LOCAL_HOST, localPorts } from '../local-defaults';
import { DEMO_TENANTS, DEMO_USERS, findDemoUser } from './demo-directory';
import { DEFAULT_AUDIENCE } from './identity-server';
import { DEMO_PASSWORD } from './token-endpoint';

const CLIENT_ID = 'office-crm-cli';

function usage(problem: string): string {
  const lines = DEMO_USERS.map((user) => {
    const tenant = DEMO_TENANTS.find((candidate) => candidate.tenantId === user.tenantId)?.displayName ?? user.tenantId;
    return `  ${user.username.padEnd(12)} ${user.displayName} (${user.roles.join(', ')}; ${tenant})`;
  });
  return `${problem}\nUsage: npm run --silent token -- <user>\nDemo users:\n${lines.join('\n')}\n`;
}

async function main(): Promise<number> {
  const username = process.argv[2];
  const user = username === undefined ? undefined : findDemoUser(username);
  if (user === undefined) {
    process.stderr.write(usage(username === undefined ? 'No demo user given.' : `No demo user "${username}".`));
    return 2;
  }
  const baseUrl = `http://${LOCAL_HOST}:${localPorts.identity}`;
  let response: Response;
  try {
    response = await fetch(`${baseUrl}/${user.tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: CLIENT_ID,
        username: user.username,
        password: DEMO_PASSWORD,
        scope: `${DEFAULT_AUDIENCE}/access_as_user`,
      }),
    });
  } catch {
    process.stderr.write(`The identity stand-in is not running at ${baseUrl}: run \`npm start\` first.\n`);
    return 1;
  }
  const body: unknown = await response.json().catch(() => undefined);
  const token = typeof body === 'object' && body !== null && 'access_token' in body ? body.access_token : undefined;
  if (!response.ok || typeof token !== 'string') {
    const description = typeof body === 'object' && body !== null && 'error_description' in body ? String(body.error_description) : `HTTP ${response.status}`;
    process.stderr.write(`The identity stand-in at ${baseUrl} refused the token request: ${description}\n`);
    return 1;
  }
  process.stdout.write(`${token}\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
