/** What the pane's actions link a record to, and on whose clock they schedule it. */
import type { ContactCard, OpportunitySummary } from '../../api/crm-api';

/** The records a quick action regards: the contact and its account. */
export function regardingOf(contact: ContactCard) {
  return [{ entity: 'contact' as const, id: contact.id }, ...(contact.accountId ? [{ entity: 'account' as const, id: contact.accountId }] : [])];
}

/** The account a tracked e-mail or a meeting is linked to: the first chosen contact's, else the chosen deal's. */
export function accountOfChoice(chosen: ContactCard[], deals: OpportunitySummary[], opportunityId: string): string | undefined {
  return chosen.find((c) => c.accountId)?.accountId ?? deals.find((d) => d.id === opportunityId)?.accountId;
}

/** The user's IANA time zone (activities are scheduled on its wall clock). */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
