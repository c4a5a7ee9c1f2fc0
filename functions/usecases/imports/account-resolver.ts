/**
 * The company a contact row names → an account: an existing one with the same folded name, or
 * one the job creates (once per name, with an id derived from the job, so a redelivered message
 * finds or re-creates the same account, never a second one).
 */
import { AccountCreate } from '../../../shared/contracts/accounts.contract';
import { can } from '../../../shared/domain/access-policy';
import { AppError } from '../../../shared/domain/errors';
import { foldText } from '../../../shared/domain/text-normalization';
import { createAccount } from '../accounts/create-account.usecase';
import type { UseCaseCall } from '../usecase-context';
import { accountsNamed } from './existing-records';
import { companyAccountId } from './import-ids';

export type CompanyResolution = { accountId: string } | { problem: string };

export type AccountResolver = (company: string) => Promise<CompanyResolution>;

/** Looks up only: what the preview shows (null: the import would create the account). */
export async function existingAccountId(call: UseCaseCall, company: string): Promise<string | null> {
  const [account] = await accountsNamed(call.deps, call.principal.tenantId, company);
  return account?.id ?? null;
}

/** One resolution per folded name for the whole run; concurrent rows share it. */
export function accountResolver(call: UseCaseCall, jobId: string): AccountResolver {
  const cache = new Map<string, Promise<CompanyResolution>>();
  return (company) => {
    const folded = foldText(company);
    let resolution = cache.get(folded);
    if (!resolution) {
      resolution = resolve(call, jobId, company, folded);
      cache.set(folded, resolution);
      // A failure (storage down) must not stick to the name for the rest of the run.
      void resolution.catch(() => cache.delete(folded));
    }
    return resolution;
  };
}

async function resolve(call: UseCaseCall, jobId: string, company: string, folded: string): Promise<CompanyResolution> {
  const existing = await existingAccountId(call, company);
  if (existing) return { accountId: existing };
  if (!can(call.principal, 'create', 'account')) {
    return { problem: `no account is named "${company}", and your role cannot create accounts` };
  }
  const input = AccountCreate.safeParse({ name: company });
  if (!input.success) return { problem: `"${company}" cannot be an account name: ${input.error.issues[0]?.message ?? 'invalid'}` };
  const id = companyAccountId(jobId, folded);
  try {
    await createAccount({ ...call, deps: { ...call.deps, newId: () => id } }, input.data);
    return { accountId: id };
  } catch (error) {
    if (error instanceof AppError && error.code === 'CONFLICT') return { accountId: id };
    throw error;
  }
}
