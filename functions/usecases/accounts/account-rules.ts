import { AppError } from '../../../shared/domain/errors';
import type { AccountRecord } from '../../../shared/domain/account';
import { isLive } from '../../../shared/domain/record';
import { territoryFor } from '../../../shared/domain/territory';
import type { UseCaseDeps } from '../usecase-context';

/** A parent must be a live account of the tenant and must not make the hierarchy a loop. */
export async function requireParentAccount(deps: UseCaseDeps, tenantId: string, parentId: string, childId: string | undefined): Promise<void> {
  const seen = new Set<string>(childId ? [childId] : []);
  let currentId: string | undefined = parentId;
  for (let depth = 0; currentId !== undefined; depth += 1) {
    if (seen.has(currentId) || depth > 50) {
      throw new AppError('VALIDATION', 'An account cannot be its own parent, directly or through others.', {
        issues: [{ field: 'parentAccountId', message: 'would make the account hierarchy a loop' }],
      });
    }
    seen.add(currentId);
    const parent = await deps.stores.accounts.get(tenantId, currentId);
    if (!parent || !isLive(parent)) {
      if (currentId === parentId) {
        throw new AppError('VALIDATION', 'The parent account does not exist.', { issues: [{ field: 'parentAccountId', message: 'no account with this id' }] });
      }
      return;
    }
    currentId = parent.parentAccountId;
  }
}

/** The account with the territory its address, industry and size put it in now (none: no territory). */
export async function withTerritory(deps: UseCaseDeps, account: AccountRecord): Promise<AccountRecord> {
  const { value: territories } = await deps.stores.territories.get(account.tenantId);
  const { territoryId: _previous, ...rest } = account;
  const territoryId = territoryFor(account, territories);
  return territoryId === undefined ? rest : { ...rest, territoryId };
}
