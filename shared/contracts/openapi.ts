/** Generates the OpenAPI 3.1 document from the endpoint table: the schemas are the zod contracts themselves. */
import { z } from 'zod';
import { ProblemDetails } from './common';
import type { Endpoint } from './endpoint';

type JsonSchema = Record<string, unknown>;

const STATUS_TEXT: Record<number, string> = {
  200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 400: 'The request is invalid; `errors` names each field.',
  401: 'No valid bearer token.', 403: 'Your role does not allow this.', 404: 'No such record.', 405: 'Method not allowed.',
  412: 'The record changed since you read it: reload, then apply your change again.', 413: 'The body is too large.',
  415: 'The body must be application/json.', 409: 'Conflict: the record exists, or a request with this Idempotency-Key is still running.',
  422: 'This Idempotency-Key was used for a different request.', 428: 'Send the ETag you read in If-Match.', 500: 'Unexpected error.',
  503: 'A dependency is unavailable; retry later.',
};

class SchemaCollector {
  readonly components: Record<string, JsonSchema> = {};

  /** Converts a schema, hoisting named sub-schemas (`.meta({ id })`) into components. */
  convert(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
    const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
    const defs = (json.$defs ?? {}) as Record<string, JsonSchema>;
    delete json.$defs;
    delete json.$schema;
    // Named sub-schemas refer to each other by `#/$defs/...` too: point every reference at the
    // component it was registered as (a name can change when an input and an output variant differ).
    const renames = new Map<string, string>(Object.keys(defs).map((name) => [name, name]));
    for (const [name, def] of Object.entries(defs)) renames.set(name, this.register(name, rewriteRefs(def, renames) as JsonSchema));
    for (const [name, def] of Object.entries(defs)) this.components[renames.get(name) ?? name] = stripId(rewriteRefs(def, renames) as JsonSchema);
    const id = (json.id as string | undefined) ?? undefined;
    const rewritten = rewriteRefs(json, renames) as JsonSchema;
    if (id) {
      delete rewritten.id;
      return { $ref: `#/components/schemas/${this.register(id, rewritten)}` };
    }
    return rewritten;
  }

  private register(name: string, def: JsonSchema): string {
    const clean = { ...def };
    delete clean.id;
    let candidate = name;
    for (let n = 2; this.components[candidate] && JSON.stringify(this.components[candidate]) !== JSON.stringify(clean); n += 1) {
      candidate = `${name}${n}`;
    }
    this.components[candidate] = clean;
    return candidate;
  }
}

function stripId(schema: JsonSchema): JsonSchema {
  const clean = { ...schema };
  delete clean.id;
  return clean;
}

function rewriteRefs(node: unknown, renames: Map<string, string>): unknown {
  if (Array.isArray(node)) return node.map((item) => rewriteRefs(item, renames));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/$defs/')) {
      const name = value.slice('#/$defs/'.length);
      out[key] = `#/components/schemas/${renames.get(name) ?? name}`;
    } else {
      out[key] = rewriteRefs(value, renames);
    }
  }
  return out;
}

function parametersOf(schema: z.ZodType | undefined, where: 'path' | 'query', collector: SchemaCollector): JsonSchema[] {
  if (!schema) return [];
  const json = collector.convert(schema, 'input');
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, propertySchema]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    ...(typeof propertySchema.description === 'string' ? { description: propertySchema.description } : {}),
    schema: propertySchema,
  }));
}

function operationOf(endpoint: Endpoint, collector: SchemaCollector): JsonSchema {
  const responses: Record<string, JsonSchema> = {};
  const success: JsonSchema = { description: STATUS_TEXT[endpoint.status] ?? 'OK' };
  if (endpoint.response && endpoint.status !== 204) {
    success.content = { 'application/json': { schema: collector.convert(endpoint.response, 'output') } };
  }
  if (endpoint.etag) success.headers = { ETag: { description: 'Version of the record.', schema: { type: 'string' } } };
  responses[String(endpoint.status)] = success;
  const problem = { 'application/problem+json': { schema: collector.convert(ProblemDetails, 'output') } };
  const idempotencyErrors = endpoint.method === 'POST' && endpoint.auth === 'user' ? [409, 422] : [];
  const errorStatuses = new Set([400, ...(endpoint.auth === 'user' ? [401] : []), ...(endpoint.errors ?? []), ...idempotencyErrors, 500]);
  for (const status of [...errorStatuses].sort()) {
    responses[String(status)] = { description: STATUS_TEXT[status] ?? 'Error', content: problem };
  }
  const parameters = [...parametersOf(endpoint.params, 'path', collector), ...parametersOf(endpoint.query, 'query', collector)];
  const idempotent = endpoint.method === 'POST' && endpoint.auth === 'user';
  if (idempotent) {
    parameters.push({
      name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 200 },
      description: 'Any unique string (a UUID). Sending the same request again with the same key returns the first answer instead of doing it twice.',
    });
  }
  if (endpoint.ifMatch) {
    parameters.push({ name: 'If-Match', in: 'header', required: true, description: 'The ETag you read.', schema: { type: 'string' } });
  }
  return {
    operationId: endpoint.id,
    summary: endpoint.summary,
    tags: [endpoint.tag],
    ...(endpoint.auth === 'user' ? {} : { security: [] }),
    ...(parameters.length ? { parameters } : {}),
    ...(endpoint.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: collector.convert(endpoint.body, 'input') } } } }
      : {}),
    responses,
  };
}

export function buildOpenApiDocument(endpoints: readonly Endpoint[], info: { title: string; version: string; serverUrl: string }): JsonSchema {
  const collector = new SchemaCollector();
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const endpoint of endpoints) {
    const path = `/${endpoint.path}`;
    paths[path] = { ...(paths[path] ?? {}), [endpoint.method.toLowerCase()]: operationOf(endpoint, collector) };
  }
  return {
    openapi: '3.1.0',
    info: { title: info.title, version: info.version },
    servers: [{ url: info.serverUrl }],
    security: [{ bearer: [] }],
    paths,
    components: {
      schemas: collector.components,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Entra ID access token (scope access_as_user).' } },
    },
  };
}
