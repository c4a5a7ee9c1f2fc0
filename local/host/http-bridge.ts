/**
 * Node's http request → the @azure/functions HttpRequest the handlers expect, and their result
 * back, the way the Azure Functions host converts them (`new HttpResponse(result)`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpRequest, HttpResponse, type HttpResponseInit } from '@azure/functions';

/** The Azure front end refuses bodies above 100 MB; the dev host stops far earlier to stay small. */
const HOST_BODY_LIMIT = 10 * 1024 * 1024;

export class BodyTooLargeError extends Error {}

export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > HOST_BODY_LIMIT) throw new BodyTooLargeError(`body over ${HOST_BODY_LIMIT} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

export function toFunctionsRequest(request: IncomingMessage, body: Buffer, baseUrl: string, params: Record<string, string>): HttpRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return new HttpRequest({
    method: request.method ?? 'GET',
    url: new URL(request.url ?? '/', baseUrl).toString(),
    headers,
    params,
    body: body.length ? { bytes: body } : undefined,
  });
}

export async function writeFunctionsResponse(result: HttpResponseInit | HttpResponse | void, response: ServerResponse, extraHeaders: Record<string, string>): Promise<void> {
  const converted = result instanceof HttpResponse ? result : new HttpResponse(result ?? { status: 204 });
  const headers: Record<string, string> = { ...extraHeaders };
  converted.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const payload = converted.body ? Buffer.from(await converted.arrayBuffer()) : undefined;
  response.writeHead(converted.status, headers);
  response.end(payload);
}
