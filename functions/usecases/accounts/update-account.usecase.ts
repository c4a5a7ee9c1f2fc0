import type { AccountUpdate } from '../../../shared/contracts/accounts.contract';
import type { AccountRecord } from '../../../shared/domain/account';
import { assertCanSetOwner } from '../../../shared/domain/access-policy';
import type { Versioned } from '../../../shared/domain/record';
import { applyMergePatch } from '../merge-patch';
import { loadForChange, stamp } from '../record-guards';
import type { UseCaseCall } from '../usecase-context';
import { requireParentAccount, withTerritory } from './account-rules';

export async function updateAccount(
  { deps, principal, scope }: UseCaseCall,
  id: string,
  patch: AccountUpdate,
  ifMatch: string | undefined,
): Promise<Versioned<AccountRecord>> {
  const current = await loadForChange({ principal, scope }, 'update', 'account', deps.stores.accounts, id, ifMatch);
  if (patch.ownerId !== undefined && patch.ownerId !== current.ownerId) assertCanSetOwner(principal, 'account', patch.ownerId);
  if (patch.parentAccountId) await requireParentAccount(deps, principal.tenantId, patch.parentAccountId, id);
  const { etag: _etag, ...record } = current;
  const next: AccountRecord = {
    ...applyMergePatch<AccountRecord>(record, patch),
    emailDomains: patch.emailDomains === null ? [] : (patch.emailDomains ?? current.emailDomains),
    ...stamp(principal, deps.now()),
  };
  return deps.stores.accounts.replace(await withTerritory(deps, next), current.etag, current);
}
