/** PLACEHOLDER owned by the import/export feature: replace wholesale. */
import type { EndpointBinding } from './endpoint-binding';

export const importRoutes: EndpointBinding[] = [];
