import type { AccountRecord } from '../../../shared/domain/account';
import { can } from '../../../shared/domain/access-policy';
import type { ContactRecord } from '../../../shared/domain/contact';
import { accountMatchReasons, rankMatches, type MatchProbe } from '../../../shared/domain/duplicate-matching';
import type { Versioned } from '../../../shared/domain/record';
import { canSee } from '../../../shared/domain/record-access';
import { accountCandidates, contactCandidates, toAccountCandidate, toContactCandidate } from '../merge/match-candidates';
import type { UseCaseCall } from '../usecase-context';
import { participantContactMatch, prefillName, strongestReason } from '../../../shared/domain/participant-matching';

/** Suggestions a pane can show at a glance. */
const MAX_ACCOUNTS = 5;
const MAX_CONTACTS = 5;
/** Accounts whose contacts are compared by name, as the duplicate check does. */
const ACCOUNTS_TO_SEARCH = 3;

export interface ParticipantSuggestionsResult {
  accounts: Array<{ account: Versioned<AccountRecord>; reason: string }>;
  contacts: Array<{ contact: Versioned<ContactRecord>; reason: string }>;
  prefill: { firstName?: string; lastName?: string; accountId?: string };
}

/**
 * Who an address unknown to the CRM may be: accounts owning its domain, contacts writing from the
 * same mailbox name elsewhere or with a similar name at that company, and a prefilled "add" form.
 * Candidates come from the duplicate check's fetchers; the caller sees only what they may see.
 */
export async function suggestParticipant({ deps, principal, scope }: UseCaseCall, address: string, displayName: string | undefined): Promise<ParticipantSuggestionsResult> {
  const tenantId = principal.tenantId;
  const name = prefillName(displayName, address);
  const probe: MatchProbe = { ...name, emails: [address], phones: [] };
  const accountPool = can(principal, 'read', 'account') ? await accountCandidates(deps, tenantId, probe) : [];
  const accounts = rankMatches(
    accountPool.filter((account) => canSee(principal, scope, 'account', account)),
    (account) => accountMatchReasons(probe, toAccountCandidate(account)),
    MAX_ACCOUNTS,
  );
  const accountIds = accounts.slice(0, ACCOUNTS_TO_SEARCH).map((match) => match.candidate.id);
  const contactPool = await contactCandidates(deps, tenantId, probe, accountIds);
  const contacts = contactPool
    .filter((contact) => canSee(principal, scope, 'contact', contact))
    .map((contact) => ({ contact, match: participantContactMatch(probe, toContactCandidate(contact)) }))
    .flatMap(({ contact, match }) => (match ? [{ contact, ...match }] : []))
    .sort((a, b) => b.score - a.score || a.contact.id.localeCompare(b.contact.id))
    .slice(0, MAX_CONTACTS);
  const domainAccount = accounts.find((match) => match.reasons.some((reason) => reason.code === 'same-domain'));
  return {
    accounts: accounts.map((match) => ({ account: match.candidate, reason: strongestReason(match.reasons) ?? 'email-domain' })),
    contacts: contacts.map(({ contact, reason }) => ({ contact, reason })),
    prefill: { ...name, ...(domainAccount ? { accountId: domainAccount.candidate.id } : {}) },
  };
}
