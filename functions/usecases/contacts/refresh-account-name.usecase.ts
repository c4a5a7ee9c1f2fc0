import { refreshAccountNameCopies } from '../accounts/refresh-account-name-copies';
import type { UseCaseDeps } from '../usecase-context';

/** Contacts carry a copy of their account's name for search and display. (For the account-changed queue handler.) */
export function refreshAccountName(deps: UseCaseDeps, tenantId: string, accountId: string): Promise<number> {
  return refreshAccountNameCopies(deps, deps.stores.contacts, tenantId, accountId);
}
