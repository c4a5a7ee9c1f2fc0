import { refreshAccountNameCopies } from '../accounts/refresh-account-name-copies';
import type { UseCaseDeps } from '../usecase-context';

/** Deals carry a copy of their account's name for lists and search. (For the account-changed queue handler.) */
export function refreshOpportunityAccountName(deps: UseCaseDeps, tenantId: string, accountId: string): Promise<number> {
  return refreshAccountNameCopies(deps, deps.stores.opportunities, tenantId, accountId);
}
