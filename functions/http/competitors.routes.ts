/** PLACEHOLDER owned by the competitors feature: replace wholesale. */
import type { EndpointBinding } from './endpoint-binding';

export const competitorRoutes: EndpointBinding[] = [];
