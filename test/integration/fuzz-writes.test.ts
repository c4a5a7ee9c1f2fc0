/**
 * Property-based fuzzing of every write route and every query string of the API table:
 * generated invalid bodies, path ids and query strings only ever get a 4xx answer (never a 5xx),
 * and nothing is written.
 */
import fc from 'fast-check';
import type { Endpoint } from '../../shared/contracts/endpoint';
import { api } from '../../shared/contracts/api.contract';
import { CONTAINERS } from '../../functions/infra/cosmos/containers';
import { useLocalStack } from '../support/use-local-stack';

const { stack, call } = useLocalStack();
let tokens: string[];

const endpoints = Object.values(api) as Endpoint[];
const writes = endpoints.filter((endpoint) => endpoint.method !== 'GET' && endpoint.auth === 'user');
const reads = endpoints.filter((endpoint) => endpoint.method === 'GET' && endpoint.auth === 'user' && endpoint.query);

/** Ids no record has, so even a body that happened to be valid would find nothing to change. */
const pathValue = fc.oneof(fc.uuid(), fc.string({ maxLength: 40 }), fc.constantFrom('..', '%00', 'null', ' ', '0'));

function pathOf(endpoint: Endpoint, values: string[]): string {
  let index = 0;
  return endpoint.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(values[index++] ?? 'x') || 'x');
}

/** JSON values that the endpoint's body schema refuses. */
function invalidBody(endpoint: Endpoint) {
  const anyJson = fc.oneof(
    fc.jsonValue(),
    fc.dictionary(fc.constantFrom('name', 'lastName', 'emails', 'type', 'stage', 'amount', 'regarding', 'rules', 'teams', 'id', '__proto__', 'constructor'), fc.jsonValue()),
    fc.record({ name: fc.oneof(fc.integer(), fc.string({ maxLength: 300 }), fc.constant(null)), emails: fc.array(fc.record({ address: fc.string() })) }, { requiredKeys: [] }),
  );
  return anyJson.filter((value) => !endpoint.body || !endpoint.body.safeParse(value).success);
}

const queryString = fc
  .dictionary(
    fc.oneof(fc.constantFrom('limit', 'continuation', 'q', 'type', 'status', 'from', 'to', 'since', 'email', 'accountId', 'amountMin', 'closeFrom', 'format'), fc.string({ maxLength: 12 })),
    fc.oneof(fc.string({ maxLength: 30 }), fc.integer().map(String), fc.constantFrom('-1', '0', '1e9', 'NaN', '', 'now', '%', '[]')),
  )
  .map((query) => new URLSearchParams(query).toString());

async function documentCount(): Promise<number> {
  const database = stack.services.cosmos.database('crm');
  let total = 0;
  for (const name of Object.values(CONTAINERS)) {
    if (name === CONTAINERS.leases) continue;
    const { resources } = await database.container(name).items.query<number>('SELECT VALUE COUNT(1) FROM c').fetchAll();
    total += resources[0] ?? 0;
  }
  return total;
}

beforeAll(async () => {
  tokens = [await stack.tokenFor('admin'), await stack.tokenFor('rep1'), await stack.tokenFor('readonly')];
  // A user's first request records them in the tenant's user directory (a write of sign-in, not of
  // the route): done here, so the counts below see only what the fuzzed requests write.
  for (const token of tokens) expect((await call('GET', 'contacts?limit=1', { token })).status).toBe(200);
});

describe.each(writes.map((endpoint) => [`${endpoint.method} /${endpoint.path}`, endpoint] as const))('%s', (_name, endpoint) => {
  it('answers generated invalid input with 4xx and writes nothing', async () => {
    const before = await documentCount();
    await fc.assert(
      fc.asyncProperty(invalidBody(endpoint), fc.array(pathValue, { minLength: 3, maxLength: 3 }), fc.nat(2), fc.boolean(), async (body, ids, who, withIfMatch) => {
        const response = await call(endpoint.method, pathOf(endpoint, ids), {
          token: tokens[who],
          ...(endpoint.body ? { body } : {}),
          headers: withIfMatch ? { 'If-Match': '*' } : {},
        });
        if (response.status >= 500 || response.status < 400) throw new Error(`${endpoint.method} ${endpoint.path} answered ${response.status}: ${response.text.slice(0, 200)}`);
      }),
      { numRuns: 25 },
    );
    expect(await documentCount()).toBe(before);
  });
});

describe.each(reads.map((endpoint) => [`GET /${endpoint.path}`, endpoint] as const))('%s', (_name, endpoint) => {
  it('never fails with 5xx on a generated query string', async () => {
    await fc.assert(
      fc.asyncProperty(queryString, fc.array(pathValue, { minLength: 3, maxLength: 3 }), async (query, ids) => {
        const response = await call('GET', `${pathOf(endpoint, ids)}?${query}`, { token: tokens[0] });
        if (response.status >= 500) throw new Error(`GET ${endpoint.path}?${query} answered ${response.status}: ${response.text.slice(0, 200)}`);
      }),
      { numRuns: 25 },
    );
  });
});
