import { isLive } from '../../../shared/domain/record';
import type { UseCaseDeps } from '../usecase-context';

const BATCH = 100;

/**
 * Background job after an account changed: contacts carry a copy of its name for search and
 * display; bring every copy in step. Idempotent, so at-least-once delivery is harmless.
 * Returns how many contacts were updated.
 */
export async function refreshAccountName(deps: UseCaseDeps, tenantId: string, accountId: string): Promise<number> {
  const account = await deps.stores.accounts.get(tenantId, accountId);
  if (!account || !isLive(account)) return 0;
  let updated = 0;
  for (;;) {
    const stale = await deps.stores.contacts.listWithStaleAccountName(tenantId, accountId, account.name, BATCH);
    if (stale.length === 0) return updated;
    for (const contact of stale) {
      const { etag, ...record } = contact;
      try {
        await deps.stores.contacts.replace({ ...record, accountName: account.name }, etag);
        updated += 1;
      } catch (error) {
        // A user saved the contact meanwhile: the next pass reads it again.
        if (!(error instanceof Error && 'code' in error && error.code === 'PRECONDITION_FAILED')) throw error;
      }
    }
  }
}
