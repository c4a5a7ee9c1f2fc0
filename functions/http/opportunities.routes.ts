/** PLACEHOLDER owned by the opportunities feature: replace wholesale. */
import type { EndpointBinding } from './endpoint-binding';

export const opportunityRoutes: EndpointBinding[] = [];
