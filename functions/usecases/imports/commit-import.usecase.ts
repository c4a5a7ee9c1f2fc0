import { AppError } from '../../../shared/domain/errors';
import { missingRequiredFields } from '../../../shared/domain/import-fields';
import { emptyProgress, type ImportJobRecord } from '../../../shared/domain/import-job';
import type { Versioned } from '../../../shared/domain/record';
import { stamp } from '../record-guards';
import type { UseCaseCall } from '../usecase-context';
import { requireWritableJob } from './import-access';

/** The queue message: which job to run. The rows stay in blob storage (messages are capped at 64 KiB). */
export interface ImportJobMessage {
  tenantId: string;
  jobId: string;
}

/**
 * Commit → queued, then a message on the imports queue. Saved first: a message never finds the
 * job still in preview. Committing a job left `queued` (the message could not be sent) sends it
 * again; the run is idempotent, so a second message is harmless.
 */
export async function commitImport(call: UseCaseCall, id: string, ifMatch: string | undefined): Promise<Versioned<ImportJobRecord>> {
  const { deps, principal } = call;
  const job = await requireWritableJob(call, id, ifMatch);
  if (job.status !== 'preview' && job.status !== 'queued') {
    throw new AppError('CONFLICT', `This import is already ${job.status}.`);
  }
  const missing = missingRequiredFields(job.entity, job.mapping);
  if (missing.length) {
    throw new AppError('VALIDATION', 'Map a column to every required field before importing.', {
      issues: missing.map((field) => ({ field: `mapping.${field}`, message: job.entity === 'contact' ? 'map a column to lastName or fullName' : 'map a column to name' })),
    });
  }
  const { etag, ...current } = job;
  const now = deps.now();
  const queued: ImportJobRecord = {
    ...current,
    status: 'queued',
    committedAt: current.committedAt ?? now.toISOString(),
    progress: current.status === 'preview' ? emptyProgress(current.totalRows) : current.progress,
    ...stamp(principal, now),
  };
  const saved = await deps.stores.importJobs.replace(queued, etag);
  const message: ImportJobMessage = { tenantId: saved.tenantId, jobId: saved.id };
  await deps.queues.imports.send(message);
  return saved;
}
