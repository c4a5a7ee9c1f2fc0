/** PLACEHOLDER owned by the activities feature: replace wholesale. */
import type { EndpointBinding } from './endpoint-binding';

export const activityRoutes: EndpointBinding[] = [];
