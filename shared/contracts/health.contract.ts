import { z } from 'zod';

export const DependencyHealth = z.object({
  ok: z.boolean(),
  detail: z.string(),
  latencyMs: z.number(),
});

export const HealthReport = z
  .object({
    status: z.enum(['ok', 'degraded']),
    version: z.string(),
    dependencies: z.record(z.string(), DependencyHealth),
  })
  .meta({ id: 'HealthReport' });
export type HealthReport = z.infer<typeof HealthReport>;
