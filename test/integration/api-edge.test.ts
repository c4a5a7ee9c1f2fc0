/**
 * What every route does at the edge: authentication, validation with problem+json naming the
 * field, nothing written on a bad request, 404 for unknown routes, 405 for wrong methods,
 * health without a token, and an OpenAPI document that covers the whole function table.
 */
import { allRoutes } from '../../functions/function-table';
import { useLocalStack } from '../support/use-local-stack';

const { stack, call, tokens } = useLocalStack({ users: ['rep1'] });
let rep: string;

beforeAll(() => {
  rep = tokens.rep1;
});

async function accountCount(): Promise<number> {
  const response = await call<{ items: unknown[] }>('GET', 'accounts?limit=200', { token: rep });
  return response.body.items.length;
}

describe('authentication', () => {
  it('answers health without a token, with each dependency', async () => {
    const response = await call<{ status: string; dependencies: Record<string, { ok: boolean }> }>('GET', 'health');
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('ok');
    expect(Object.keys(response.body.dependencies).sort()).toEqual(['cosmos', 'identity', 'storage']);
  });

  it.each([
    ['no token', undefined],
    ['a malformed token', 'not-a-jwt'],
    ['a token signed by someone else', 'eyJhbGciOiJSUzI1NiIsImtpZCI6IngifQ.eyJzdWIiOiJ4In0.c2lnbmF0dXJl'],
  ])('refuses %s with 401 problem+json', async (_label, token) => {
    const response = await call('GET', 'accounts', { token });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('refuses an expired token', async () => {
    const expired = await stack.identity.issueToken('rep1', { lifetimeSeconds: 1, notBefore: new Date(Date.now() - 3_600_000) });
    const response = await call('GET', 'accounts', { token: expired });
    expect(response.status).toBe(401);
  });
});

describe('validation', () => {
  it.each([
    ['malformed JSON', { rawBody: '{"name": "Acme",' }, ''],
    ['a wrong type', { body: { name: 42 } }, 'name'],
    ['an unknown field', { body: { name: 'Acme', colour: 'red' } }, 'colour'],
    ['an invalid e-mail', { body: { name: 'Acme', email: 'not-an-email' } }, 'email'],
    ['an unknown enum value', { body: { name: 'Acme', type: 'friend' } }, 'type'],
    ['a nested unknown field', { body: { name: 'Acme', address: { city: 'Paris', planet: 'Mars' } } }, 'address.planet'],
    ['an empty body', { rawBody: '' }, ''],
    ['a JSON array', { body: [] }, ''],
  ])('answers %s with 400 naming the field, writing nothing', async (_label, options, field) => {
    const before = await accountCount();
    const response = await call<{ code: string; errors: Array<{ field: string }> }>('POST', 'accounts', { token: rep, ...options });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.code).toBe('VALIDATION');
    expect(response.body.errors.map((issue) => issue.field)).toContain(field);
    expect(await accountCount()).toBe(before);
  });

  it('names the exact field of a bad e-mail inside a contact', async () => {
    const response = await call<{ errors: Array<{ field: string }> }>('POST', 'contacts', {
      token: rep,
      body: { lastName: 'Doe', emails: [{ address: 'ok@example.com' }, { address: 'broken@' }] },
    });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((issue) => issue.field)).toEqual(['emails.1.address']);
  });

  it('refuses an oversized body with 413 and a non-JSON body with 415', async () => {
    const before = await accountCount();
    const huge = await call('POST', 'accounts', { token: rep, body: { name: 'x'.repeat(300 * 1024) } });
    expect(huge.status).toBe(413);
    const text = await call('POST', 'accounts', { token: rep, rawBody: 'name=Acme', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(text.status).toBe(415);
    expect(await accountCount()).toBe(before);
  });

  it('validates query strings and path ids', async () => {
    const badLimit = await call<{ errors: Array<{ field: string }> }>('GET', 'accounts?limit=0', { token: rep });
    expect(badLimit.status).toBe(400);
    expect(badLimit.body.errors[0]?.field).toBe('limit');
    const unknown = await call<{ errors: Array<{ field: string }> }>('GET', 'accounts?colour=red', { token: rep });
    expect(unknown.body.errors[0]?.field).toBe('colour');
    const repeated = await call('GET', 'accounts?type=customer&type=partner', { token: rep });
    expect(repeated.status).toBe(400);
    const badId = await call<{ errors: Array<{ field: string }> }>('GET', 'accounts/not-a-uuid', { token: rep });
    expect(badId.status).toBe(400);
    expect(badId.body.errors[0]?.field).toBe('id');
    const badLookup = await call<{ errors: Array<{ field: string }> }>('GET', 'contacts/lookup?email=nope', { token: rep });
    expect(badLookup.body.errors[0]?.field).toBe('email');
  });
});

describe('routing', () => {
  it('answers an unknown route with 404 problem+json', async () => {
    const response = await call<{ code: string }>('GET', 'no-such-thing/at/all', { token: rep });
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('NOT_FOUND');
  });

  it('answers a wrong method with 405 and Allow', async () => {
    const response = await call('PUT', 'accounts', { token: rep, body: {} });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST');
  });

  it('routes the literal contacts/lookup before contacts/{id}', async () => {
    const response = await call<{ matches: unknown[] }>('GET', 'contacts/lookup?email=nobody@example.com', { token: rep });
    expect(response.status).toBe(200);
    expect(response.body.matches).toEqual([]);
  });
});

describe('OpenAPI', () => {
  it('describes every HTTP function of the table as OpenAPI 3.1', async () => {
    const response = await call<{ openapi: string; paths: Record<string, Record<string, unknown>> }>('GET', 'openapi.json');
    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe('3.1.0');
    expect(allRoutes.length).toBeGreaterThan(10);
    for (const fn of allRoutes) {
      const operations = response.body.paths[`/${fn.endpoint.path}`];
      expect(operations?.[fn.endpoint.method.toLowerCase()]).toBeDefined();
    }
  });
});

describe('OpenAPI references', () => {
  it('resolves every $ref to a component of the document', async () => {
    const response = await call<{ components: { schemas: Record<string, unknown> } }>('GET', 'openapi.json');
    const refs = [...response.text.matchAll(/"\$ref":"([^"]+)"/g)].map((match) => match[1] as string);
    expect(refs.length).toBeGreaterThan(20);
    const dangling = refs.filter((ref) => !ref.startsWith('#/components/schemas/') || !(ref.slice('#/components/schemas/'.length) in response.body.components.schemas));
    expect([...new Set(dangling)]).toEqual([]);
  });
});
