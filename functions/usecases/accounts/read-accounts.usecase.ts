import type { AccountListQuery } from '../../../shared/contracts/accounts.contract';
import type { AccountRecord } from '../../../shared/domain/account';
import { assertCan } from '../../../shared/domain/access-policy';
import type { Page, Versioned } from '../../../shared/domain/record';
import { searchTokens } from '../../../shared/domain/text-normalization';
import { requireReadable } from '../record-guards';
import type { UseCaseCall } from '../usecase-context';

export async function getAccount({ deps, principal, scope }: UseCaseCall, id: string): Promise<Versioned<AccountRecord>> {
  assertCan(principal, 'read', 'account');
  return requireReadable({ principal, scope }, await deps.stores.accounts.get(principal.tenantId, id), 'account');
}

export async function listAccounts({ deps, principal }: UseCaseCall, query: AccountListQuery): Promise<Page<Versioned<AccountRecord>>> {
  assertCan(principal, 'read', 'account');
  const { limit, continuation, q, ...filters } = query;
  return deps.stores.accounts.list(principal.tenantId, { ...filters, keywords: q ? searchTokens(q) : undefined }, { limit, continuation });
}
