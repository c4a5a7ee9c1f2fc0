/**
 * Every audited record carries its last audit entry (`lastChange`), written atomically with it.
 * This change-feed handler appends that entry again; appends are idempotent by id, so it only
 * fills the gap left by a process that died between saving a record and writing its trail.
 */
import type { InvocationContext } from '@azure/functions';
import { z } from 'zod';
import type { AppServices } from '../app-services';

const WithLastChange = z.object({
  lastChange: z.object({
    id: z.string(),
    tenantId: z.string(),
    entity: z.string(),
    recordId: z.string(),
    action: z.enum(['create', 'update', 'delete']),
    at: z.string(),
    actorId: z.string(),
    changes: z.array(z.object({ field: z.string(), old: z.unknown(), new: z.unknown() })),
  }),
});

export async function onAuditedRecordsChanged(services: AppServices, documents: unknown[], context: InvocationContext): Promise<void> {
  let repaired = 0;
  for (const document of documents) {
    const parsed = WithLastChange.safeParse(document);
    if (!parsed.success) continue; // written before the audit trail existed, or not audited
    await services.deps.stores.audit.append(parsed.data.lastChange);
    repaired += 1;
  }
  context.debug(`Checked ${repaired} audit entr${repaired === 1 ? 'y' : 'ies'} against the trail.`);
}
