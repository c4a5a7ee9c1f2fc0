import type { InvocationContext } from '@azure/functions';
import type { AppServices } from '../app-services';
import { pruneEmailIndex } from '../usecases/maintenance/prune-email-index.usecase';

export async function onNightlyMaintenance(services: AppServices, context: InvocationContext): Promise<void> {
  const { scanned, removed } = await pruneEmailIndex(services.deps);
  context.log(`E-mail index: ${scanned} entries scanned, ${removed} stale contact reference(s) removed.`);
}
