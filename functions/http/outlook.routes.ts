import type { EndpointBinding } from './endpoint-binding';

/** PLACEHOLDER, filled in by the Outlook context work. */
export const outlookRoutes: EndpointBinding[] = [];
