import type { AccountCreate } from '../../../shared/contracts/accounts.contract';
import type { AccountRecord } from '../../../shared/domain/account';
import { assertCan, assertCanSetOwner } from '../../../shared/domain/access-policy';
import type { Versioned } from '../../../shared/domain/record';
import { requireParentAccount, withTerritory } from './account-rules';
import { newRecordFields } from '../record-guards';
import type { UseCaseCall } from '../usecase-context';

export async function createAccount({ deps, principal }: UseCaseCall, input: AccountCreate): Promise<Versioned<AccountRecord>> {
  assertCan(principal, 'create', 'account');
  const ownerId = input.ownerId ?? principal.userId;
  assertCanSetOwner(principal, 'account', ownerId);
  if (input.parentAccountId) await requireParentAccount(deps, principal.tenantId, input.parentAccountId, undefined);
  const record: AccountRecord = { ...input, emailDomains: input.emailDomains ?? [], ...newRecordFields(deps, principal, ownerId) };
  return deps.stores.accounts.create(await withTerritory(deps, record));
}
