/**
 * Change feed of opportunities: re-writes the recent stage moves to the timelines by their fixed
 * ids, so a move whose timeline write was lost in a crash still shows. Replays are harmless.
 */
import type { InvocationContext } from '@azure/functions';
import { z } from 'zod';
import type { OpportunityRecord } from '../../shared/domain/opportunity';
import type { AppServices } from '../app-services';
import { syncStageTimeline } from '../usecases/opportunities/sync-stage-timeline.usecase';

const Moved = z.object({
  id: z.string(),
  tenantId: z.string(),
  accountId: z.string(),
  stageHistory: z.array(z.object({ from: z.string().nullable(), to: z.string(), at: z.string(), by: z.string() })),
});

export async function onOpportunitiesChanged(services: AppServices, documents: unknown[], context: InvocationContext): Promise<void> {
  for (const document of documents) {
    if (!Moved.safeParse(document).success) {
      context.warn('Skipped a change-feed document that is not an opportunity.');
      continue;
    }
    await syncStageTimeline(services.deps, document as OpportunityRecord);
  }
}
