import { AppError } from '../../../shared/domain/errors';
import { isLive } from '../../../shared/domain/record';
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
