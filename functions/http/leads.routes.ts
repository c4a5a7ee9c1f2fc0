/** PLACEHOLDER owned by the leads feature: replace wholesale. */
import type { EndpointBinding } from './endpoint-binding';

export const leadRoutes: EndpointBinding[] = [];
