/** PLACEHOLDER owned by the groups feature: replace wholesale. */
import type { EndpointBinding } from './endpoint-binding';

export const groupRoutes: EndpointBinding[] = [];
