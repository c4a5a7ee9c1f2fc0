import { AppError } from '../../../shared/domain/errors';
import { isLive, type Versioned } from '../../../shared/domain/record';
import type { UseCaseDeps } from '../usecase-context';

const BATCH = 100;

/** Records that keep a copy of their account's name (contacts, deals) for lists and search. */
export interface AccountNameCopies<T> {
  listWithStaleAccountName(tenantId: string, accountId: string, accountName: string, limit: number): Promise<Array<Versioned<T>>>;
  replace(record: T, etag: string): Promise<Versioned<T>>;
}

/**
 * Background job after an account changed: bring every copy of its name in step. Idempotent,
 * so at-least-once delivery is harmless. Returns how many records were updated.
 */
export async function refreshAccountNameCopies<T extends { accountName?: string }>(
  deps: UseCaseDeps,
  copies: AccountNameCopies<T>,
  tenantId: string,
  accountId: string,
): Promise<number> {
  const account = await deps.stores.accounts.get(tenantId, accountId);
  if (!account || !isLive(account)) return 0;
  let updated = 0;
  for (;;) {
    const stale = await copies.listWithStaleAccountName(tenantId, accountId, account.name, BATCH);
    if (stale.length === 0) return updated;
    for (const copy of stale) {
      const { etag, ...record } = copy;
      try {
        await copies.replace({ ...(record as unknown as T), accountName: account.name }, etag);
        updated += 1;
      } catch (error) {
        // A user saved the record meanwhile: the next pass reads it again.
        if (!(error instanceof AppError && error.code === 'PRECONDITION_FAILED')) throw error;
      }
    }
  }
}
