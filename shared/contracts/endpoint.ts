/**
 * An endpoint of the API as both sides see it: the functions validate with these schemas, the
 * add-ins' client is typed by them, and the OpenAPI document is generated from them.
 */
import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface Endpoint<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  /** Stable name: the Azure function's name and the OpenAPI operationId. */
  id: string;
  method: HttpMethod;
  /** Route below /api, Azure Functions syntax: `contacts/{id}`. */
  path: string;
  summary: string;
  tag: string;
  /** `user`: a valid bearer token is required; `none`: open (health, the API description). */
  auth: 'user' | 'none';
  params?: P;
  query?: Q;
  body?: B;
  response?: R;
  status: 200 | 201 | 202 | 204;
  /** The success response carries the record's ETag header. */
  etag?: boolean;
  /** Writes that need the record's current ETag in If-Match (428 without, 412 when stale). */
  ifMatch?: boolean;
  /** Errors worth documenting besides 400/401/500. */
  errors?: number[];
}

export type ParamsOf<E> = E extends Endpoint<infer P, z.ZodType, z.ZodType, z.ZodType> ? z.infer<P> : never;
export type QueryOf<E> = E extends Endpoint<z.ZodType, infer Q, z.ZodType, z.ZodType> ? z.infer<Q> : never;
export type BodyOf<E> = E extends Endpoint<z.ZodType, z.ZodType, infer B, z.ZodType> ? z.infer<B> : never;
export type ResponseOf<E> = E extends Endpoint<z.ZodType, z.ZodType, z.ZodType, infer R> ? z.infer<R> : never;

export function defineEndpoint<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
  endpoint: Endpoint<P, Q, B, R>,
): Endpoint<P, Q, B, R> {
  return endpoint;
}
