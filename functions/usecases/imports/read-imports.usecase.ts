import type { Page, PageRequest, Versioned } from '../../../shared/domain/record';
import type { ImportJobRecord } from '../../../shared/domain/import-job';
import type { UseCaseCall } from '../usecase-context';
import type { ImportJobView } from './create-import.usecase';
import { requireReadableJob } from './import-access';
import { buildPreview } from './import-preview';
import { loadTable } from './import-source';

/** The job as a pane polls it; while uncommitted, with its preview recomputed. */
export async function getImport(call: UseCaseCall, id: string): Promise<ImportJobView> {
  const job = await requireReadableJob(call, id);
  if (job.status !== 'preview') return { job };
  const table = await loadTable(call.deps, job);
  return table ? { job, preview: await buildPreview(call, job, table) } : { job };
}

/** The caller's own jobs, newest first, without previews (open one to see it). */
export function listImports({ deps, principal }: UseCaseCall, page: PageRequest): Promise<Page<Versioned<ImportJobRecord>>> {
  return deps.stores.importJobs.listByOwner(principal.tenantId, principal.userId, page);
}
