import { z } from 'zod';
import { IdParams, PageQuery, pageOf } from './common';

export const AuditEntry = z
  .object({
    id: z.string(),
    action: z.enum(['create', 'update', 'delete']),
    at: z.iso.datetime(),
    actorId: z.string(),
    changes: z.array(z.object({ field: z.string(), old: z.unknown(), new: z.unknown() })),
  })
  .meta({ id: 'AuditEntry' });

export const AuditPage = pageOf(AuditEntry).meta({ id: 'AuditPage' });
export const AuditQuery = z.strictObject({ ...PageQuery });
export const AuditParams = IdParams;
