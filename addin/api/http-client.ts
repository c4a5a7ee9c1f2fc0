/**
 * The pane's one way to the API: adds the token, retries once with a renewed token after a 401,
 * turns network failures and problem+json answers into ApiError, and reads ETags.
 */
import type { TokenSource } from '../auth/session';
import { ApiError, errorFromResponse } from './api-error';

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  ifMatch?: string;
  /** Creates sent with a key are done once however often they are retried. */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

export interface ApiResult<T> {
  body: T;
  etag: string | undefined;
  status: number;
}

export class HttpClient {
  constructor(
    private readonly baseUrl: string,
    private readonly tokens: TokenSource,
    private readonly fetcher: typeof fetch = (input, init) => fetch(input, init),
  ) {}

  private url(path: string, query: RequestOptions['query']): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined && value !== '') params.set(key, String(value));
    const search = params.toString();
    return `${this.baseUrl}/${path}${search ? `?${search}` : ''}`;
  }

  private async send(method: string, path: string, options: RequestOptions, token: string): Promise<Response> {
    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.ifMatch) headers['If-Match'] = options.ifMatch;
    if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
    try {
      return await this.fetcher(this.url(path, options.query), {
        method,
        headers,
        ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
      throw new ApiError(
        offline ? 'offline' : 'unreachable',
        offline ? 'You are offline.' : 'The CRM service could not be reached.',
        0,
      );
    }
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResult<T>> {
    let token = await this.tokens.silentToken();
    if (!token) throw new ApiError('unauthorized', 'Sign in to use the CRM.', 401);
    let response = await this.send(method, path, options, token);
    if (response.status === 401) {
      this.tokens.invalidate();
      token = await this.tokens.silentToken();
      if (!token) throw new ApiError('unauthorized', 'Your session has ended. Sign in again.', 401);
      response = await this.send(method, path, options, token);
    }
    const text = await response.text();
    let body: unknown = undefined;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    if (!response.ok) throw errorFromResponse(response.status, body);
    return { body: body as T, etag: response.headers.get('ETag') ?? undefined, status: response.status };
  }
}
