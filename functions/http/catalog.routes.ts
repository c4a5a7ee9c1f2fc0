/** PLACEHOLDER owned by the catalog feature: replace wholesale. */
import type { EndpointBinding } from './endpoint-binding';

export const catalogRoutes: EndpointBinding[] = [];
