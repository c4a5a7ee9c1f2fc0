/**
 * Change feed of accounts → one job per changed account on a queue → the copies of the account
 * name on its contacts and opportunities refreshed. The feed batch stays quick however many
 * records an account has.
 */
import type { InvocationContext } from '@azure/functions';
import { z } from 'zod';
import type { AppServices } from '../app-services';
import { refreshAccountName } from '../usecases/contacts/refresh-account-name.usecase';
import { refreshOpportunityAccountName } from '../usecases/opportunities/refresh-account-name.usecase';

const ChangedAccount = z.object({ id: z.string(), tenantId: z.string(), deletedAt: z.string().nullable().optional() });
const AccountChangedJob = z.strictObject({ tenantId: z.string().min(1), accountId: z.string().min(1) });

export async function onAccountsChanged(services: AppServices, documents: unknown[], context: InvocationContext): Promise<void> {
  const jobs = new Map<string, z.infer<typeof AccountChangedJob>>();
  for (const document of documents) {
    const parsed = ChangedAccount.safeParse(document);
    if (!parsed.success) {
      context.warn('Skipped a change-feed document that is not an account.');
      continue;
    }
    if (parsed.data.deletedAt) continue;
    jobs.set(`${parsed.data.tenantId}/${parsed.data.id}`, { tenantId: parsed.data.tenantId, accountId: parsed.data.id });
  }
  for (const job of jobs.values()) await services.deps.queues.accountChanged.send(job);
}

export async function onAccountChangedJob(services: AppServices, message: unknown, context: InvocationContext): Promise<void> {
  const job = AccountChangedJob.safeParse(message);
  if (!job.success) {
    // Retrying a malformed message cannot help; log it and let it go.
    context.error(`Dropped a malformed account-changed job: ${job.error.message}`);
    return;
  }
  const contacts = await refreshAccountName(services.deps, job.data.tenantId, job.data.accountId);
  const opportunities = await refreshOpportunityAccountName(services.deps, job.data.tenantId, job.data.accountId);
  if (contacts + opportunities > 0) {
    context.log(`Refreshed the name of account ${job.data.accountId} on ${contacts} contact(s) and ${opportunities} opportunit${opportunities === 1 ? 'y' : 'ies'}.`);
  }
}
