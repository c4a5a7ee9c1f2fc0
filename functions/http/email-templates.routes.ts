import type { EndpointBinding } from './endpoint-binding';

/** PLACEHOLDER, filled in by the e-mail templates work. */
export const emailTemplateRoutes: EndpointBinding[] = [];
