import { AppError } from '../../../shared/domain/errors';
import { isLive } from '../../../shared/domain/record';
import type { UseCaseDeps } from '../usecase-context';

const BATCH = 100;

/**
 * Background job after an account changed: opportunities carry a copy of its name for lists and
 * search; bring every copy in step. Idempotent, so at-least-once delivery is harmless.
 * Returns how many opportunities were updated. (For the account-changed queue handler.)
 */
export async function refreshOpportunityAccountName(deps: UseCaseDeps, tenantId: string, accountId: string): Promise<number> {
  const account = await deps.stores.accounts.get(tenantId, accountId);
  if (!account || !isLive(account)) return 0;
  let updated = 0;
  for (;;) {
    const stale = await deps.stores.opportunities.listWithStaleAccountName(tenantId, accountId, account.name, BATCH);
    if (stale.length === 0) return updated;
    for (const opportunity of stale) {
      const { etag, ...record } = opportunity;
      try {
        await deps.stores.opportunities.replace({ ...record, accountName: account.name }, etag);
        updated += 1;
      } catch (error) {
        // A user saved the opportunity meanwhile: the next pass reads it again.
        if (!(error instanceof AppError && error.code === 'PRECONDITION_FAILED')) throw error;
      }
    }
  }
}
