import type { AccountRecord } from '../../../shared/domain/account';
import { assertCan, can } from '../../../shared/domain/access-policy';
import type { ContactRecord } from '../../../shared/domain/contact';
import { accountMatchReasons, contactMatchReasons, rankMatches, type MatchProbe, type Suggestion } from '../../../shared/domain/duplicate-matching';
import type { Versioned } from '../../../shared/domain/record';
import { canSee } from '../../../shared/domain/record-access';
import type { UseCaseCall } from '../usecase-context';
import { accountCandidates, contactCandidates, toAccountCandidate, toContactCandidate } from './match-candidates';

export interface MatchResult {
  contacts: Array<Suggestion<Versioned<ContactRecord>>>;
  accounts: Array<Suggestion<Versioned<AccountRecord>>>;
}

/** How many of the best-matching accounts also have their contacts compared by name. */
const ACCOUNTS_TO_SEARCH = 3;

/**
 * Existing contacts and accounts a person may already be, best first: what the Outlook "add to
 * CRM" screen and a lead's page show before anything is created.
 */
export async function findMatches({ deps, principal, scope }: UseCaseCall, probe: MatchProbe): Promise<MatchResult> {
  assertCan(principal, 'read', 'contact');
  const tenantId = principal.tenantId;
  const readsAccounts = can(principal, 'read', 'account');
  const accountPool = readsAccounts ? await accountCandidates(deps, tenantId, probe) : [];
  const accounts = rankMatches(
    accountPool.filter((account) => canSee(principal, scope, 'account', account)),
    (account) => accountMatchReasons(probe, toAccountCandidate(account)),
  );
  // Colleagues at the company the person seems to work for are where a namesake is a duplicate.
  const accountIds = [...new Set([...(probe.accountId ? [probe.accountId] : []), ...accounts.slice(0, ACCOUNTS_TO_SEARCH).map((match) => match.candidate.id)])];
  const contactPool = await contactCandidates(deps, tenantId, probe, accountIds);
  const contacts = rankMatches(
    contactPool.filter((contact) => canSee(principal, scope, 'contact', contact)),
    (contact) => contactMatchReasons(probe, toContactCandidate(contact)),
  );
  return { contacts, accounts };
}
