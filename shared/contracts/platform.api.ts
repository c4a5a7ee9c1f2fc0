import { z } from 'zod';
import { defineEndpoint } from './endpoint';
import { HealthReport } from './health.contract';

export const platformEndpoints = {
  health: defineEndpoint({
    id: 'health', method: 'GET', path: 'health', tag: 'platform', auth: 'none', status: 200,
    summary: 'Reports each dependency; 503 when one is down.', response: HealthReport, errors: [503],
  }),
  openApi: defineEndpoint({
    id: 'openApi', method: 'GET', path: 'openapi.json', tag: 'platform', auth: 'none', status: 200,
    summary: 'This API described as OpenAPI 3.1.', response: z.record(z.string(), z.unknown()),
  }),
} as const;
