/**
 * Converting a lead: in one step, the account, the contact and optionally the deal it becomes,
 * then the lead marked converted. Crash- and retry-safe without transactions: the new records'
 * ids derive from the lead's id (a retry meets what an earlier attempt created), every check runs
 * before the first write, and the lead is marked last, so a lead still open means "not done yet".
 */
import type { LeadConvert } from '../../../shared/contracts/leads.contract';
import type { AccountRecord } from '../../../shared/domain/account';
import { assertCan, can } from '../../../shared/domain/access-policy';
import type { ContactRecord } from '../../../shared/domain/contact';
import { AppError } from '../../../shared/domain/errors';
import { leadFullName, requireNotConverted, type LeadConversion, type LeadRecord } from '../../../shared/domain/lead';
import type { OpportunityRecord } from '../../../shared/domain/opportunity';
import type { Principal } from '../../../shared/domain/principal';
import { isLive, type RecordBase, type Versioned } from '../../../shared/domain/record';
import { createAccount } from '../accounts/create-account.usecase';
import { createContact } from '../contacts/create-contact.usecase';
import { createOpportunity } from '../opportunities/create-opportunity.usecase';
import { recordOnTimelines } from '../history/record-on-timelines';
import { requireCurrentVersion, requireIfMatch, requireWritable } from '../record-guards';
import type { UseCaseCall } from '../usecase-context';
import { checkConversion } from './conversion-checks';
import { conversionId } from './conversion-ids';
import { planConversion } from './conversion-plan';

export interface ConversionResult {
  lead: Versioned<LeadRecord>;
  account: Versioned<AccountRecord>;
  contact: Versioned<ContactRecord>;
  opportunity: Versioned<OpportunityRecord> | null;
}

/** The lead's owner keeps the customer when the caller may hand records to others (or is that owner). */
function defaultOwner(principal: Principal, lead: LeadRecord): string {
  return lead.ownerId === principal.userId || can(principal, 'assign', 'lead') ? lead.ownerId : principal.userId;
}

/** The same call, whose next new record gets `id`. */
function withId(call: UseCaseCall, id: string): UseCaseCall {
  let used = false;
  const newId = () => {
    if (used) return call.deps.newId();
    used = true;
    return id;
  };
  return { ...call, deps: { ...call.deps, newId } };
}

/** The record an earlier attempt created, or a new one; one that was deleted since is not brought back. */
async function createOnce<T extends RecordBase>(what: string, read: () => Promise<Versioned<T> | null>, create: () => Promise<Versioned<T>>): Promise<Versioned<T>> {
  const earlier = (await read()) ?? (await create().catch(async (error: unknown) => {
    if (error instanceof AppError && error.code === 'CONFLICT') return read();
    throw error;
  }));
  if (!earlier || !isLive(earlier)) {
    throw new AppError('CONFLICT', `The ${what} an earlier attempt of this conversion created was deleted since. Choose an existing ${what} instead.`);
  }
  return earlier;
}

async function existing<T extends RecordBase>(read: () => Promise<Versioned<T> | null>, what: string): Promise<Versioned<T>> {
  const record = await read();
  if (!record || !isLive(record)) throw new AppError('CONFLICT', `The chosen ${what} was deleted meanwhile; choose another.`);
  return record;
}

/** One timeline entry on every record the lead became (deterministic id: written once however often retried). */
async function noteConversion(call: UseCaseCall, lead: LeadRecord, made: Omit<ConversionResult, 'lead'>): Promise<void> {
  const { deps, principal } = call;
  const regarding = [
    { entity: 'account' as const, id: made.account.id },
    { entity: 'contact' as const, id: made.contact.id },
    ...(made.opportunity ? [{ entity: 'opportunity' as const, id: made.opportunity.id }] : []),
  ];
  const entry = {
    id: `lead:${lead.id}:converted`,
    tenantId: principal.tenantId,
    kind: 'status-change' as const,
    occurredAt: deps.now().toISOString(),
    actorId: principal.userId,
    title: `Converted from lead ${leadFullName(lead)}${lead.company ? ` (${lead.company})` : ''}`,
    ...(lead.notes ? { summary: lead.notes } : {}),
    regarding,
    source: { entity: 'lead', id: lead.id },
    details: { leadSource: lead.source ?? null },
  };
  await recordOnTimelines(deps, entry);
}

async function markConverted(call: UseCaseCall, lead: Versioned<LeadRecord>, made: Omit<ConversionResult, 'lead'>): Promise<Versioned<LeadRecord>> {
  const { deps, principal } = call;
  const now = deps.now().toISOString();
  const conversion: LeadConversion = {
    accountId: made.account.id,
    contactId: made.contact.id,
    ...(made.opportunity ? { opportunityId: made.opportunity.id } : {}),
    convertedAt: now,
    convertedBy: principal.userId,
  };
  const { etag, disqualifiedReason: _reason, ...record } = lead;
  return deps.stores.leads.leads.replace({ ...record, status: 'converted', conversion, updatedAt: now, updatedBy: principal.userId }, etag);
}

export async function convertLead(call: UseCaseCall, leadId: string, body: LeadConvert, ifMatch: string | undefined): Promise<ConversionResult> {
  const { deps, principal } = call;
  const tenantId = principal.tenantId;
  assertCan(principal, 'update', 'lead');
  const etag = requireIfMatch(ifMatch);
  const lead = requireWritable(call, await deps.stores.leads.leads.get(tenantId, leadId), 'lead');
  requireNotConverted(lead);
  requireCurrentVersion(lead, etag, 'lead');
  const ids = { account: conversionId(lead.id, 'account'), contact: conversionId(lead.id, 'contact'), opportunity: conversionId(lead.id, 'opportunity') };
  const plan = planConversion(lead, body, { ...ids, ownerId: defaultOwner(principal, lead) });
  await checkConversion(call, plan, body.allowDuplicate);

  const { account: accountChoice, contact: contactChoice, opportunity: deal } = plan;
  const account = 'create' in accountChoice
    ? await createOnce('account', () => deps.stores.accounts.get(tenantId, ids.account), () => createAccount(withId(call, ids.account), accountChoice.create))
    : await existing(() => deps.stores.accounts.get(tenantId, accountChoice.existingId), 'account');
  const contact = 'create' in contactChoice
    ? await createOnce('contact', () => deps.stores.contacts.get(tenantId, ids.contact), () => createContact(withId(call, ids.contact), contactChoice.create))
    : await existing(() => deps.stores.contacts.get(tenantId, contactChoice.existingId), 'contact');
  const opportunity = deal
    ? await createOnce('opportunity', () => deps.stores.opportunities.get(tenantId, ids.opportunity), () => createOpportunity(withId(call, ids.opportunity), deal))
    : null;
  const made = { account, contact, opportunity };
  await noteConversion(call, lead, made);
  return { lead: await markConverted(call, lead, made), ...made };
}
