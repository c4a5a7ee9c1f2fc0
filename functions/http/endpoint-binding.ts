/** Binds an endpoint of the contract to the code that serves it, keeping the types of both. */
import type { InvocationContext } from '@azure/functions';
import type { z } from 'zod';
import type { Endpoint } from '../../shared/contracts/endpoint';
import { AppError } from '../../shared/domain/errors';
import type { Principal } from '../../shared/domain/principal';
import type { AccessScope } from '../../shared/domain/record-access';
import type { AppServices } from '../app-services';
import type { UseCaseCall } from '../usecases/usecase-context';

export interface EndpointInput<P, Q, B> {
  principal: Principal | undefined;
  /** Who the caller works with (teams), resolved with the principal. */
  scope: AccessScope | undefined;
  params: P;
  query: Q;
  body: B;
  ifMatch: string | undefined;
  services: AppServices;
  context: InvocationContext;
}

export interface EndpointResult<R> {
  body?: R;
  etag?: string;
  headers?: Record<string, string>;
  /** Overrides the endpoint's success status (e.g. health answers 503 when degraded). */
  status?: number;
}

export interface EndpointBinding {
  endpoint: Endpoint;
  serve: (input: EndpointInput<unknown, unknown, unknown>) => Promise<EndpointResult<unknown>>;
}

type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;

export function bind<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
  endpoint: Endpoint<P, Q, B, R>,
  serve: (input: EndpointInput<Infer<P>, Infer<Q>, Infer<B>>) => Promise<EndpointResult<z.input<R>>>,
): EndpointBinding {
  return { endpoint, serve: serve as EndpointBinding['serve'] };
}

/** What a use case needs from an authenticated request. */
export function callOf(input: { principal: Principal | undefined; scope: AccessScope | undefined; services: AppServices }): UseCaseCall {
  if (!input.principal || !input.scope) throw new AppError('INTERNAL', 'An endpoint that needs a user was served without one.');
  return { principal: input.principal, scope: input.scope, deps: input.services.deps };
}
