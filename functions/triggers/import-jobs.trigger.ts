/**
 * The imports queue → the background run of a committed import. Delivery is at least once: the
 * run is idempotent (rows have derived ids, the job saves its resume point), so a repeated or
 * late message creates nothing twice.
 */
import type { InvocationContext } from '@azure/functions';
import { z } from 'zod';
import type { AppServices } from '../app-services';
import { recordFailedAttempt, runImport, type RunOptions } from '../usecases/imports/run-import.usecase';

const ImportJobMessage = z.strictObject({ tenantId: z.string().min(1), jobId: z.string().min(1) });

export async function onImportJob(services: AppServices, message: unknown, context: InvocationContext, options?: RunOptions): Promise<void> {
  const job = ImportJobMessage.safeParse(message);
  if (!job.success) {
    // Retrying a malformed message cannot help; log it and let it go.
    context.error(`Dropped a malformed import job message: ${job.error.message}`);
    return;
  }
  try {
    const result = await runImport(services.deps, job.data, options);
    context.log(`Import ${job.data.jobId}: ${result}.`);
  } catch (error) {
    let gaveUp = false;
    try {
      gaveUp = await recordFailedAttempt(services.deps, job.data, error);
    } catch (recordError) {
      context.warn(`Could not record the failed attempt of import ${job.data.jobId}.`, recordError);
    }
    if (!gaveUp) throw error; // the queue delivers the message again; the run resumes where it stopped
    context.error(`Import ${job.data.jobId} failed for good.`, error);
  }
}
