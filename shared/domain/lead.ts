/**
 * Leads: people and companies as they came in (a web form, a fair, a partner), before anyone
 * knows whether they will buy. A rep works a lead, qualifies or disqualifies it, and converts a
 * qualified one into an account, a contact and, often, an opportunity.
 */
import type { EmailLabel, PhoneLabel } from './contact';
import { AppError, type FieldIssue } from './errors';
import { LEAD_SOURCES, type LeadSource } from './opportunity';
import type { Page, PageRequest, RecordBase, Versioned } from './record';
import type { ChangeSource, RecordRepository } from './repositories';
import { buildSearchText } from './text-normalization';

export { LEAD_SOURCES, type LeadSource };

export const LEAD_STATUSES = ['new', 'working', 'qualified', 'disqualified', 'converted'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];
/** Converting is its own step (it creates records); nobody sets `converted` by hand. */
export const SETTABLE_LEAD_STATUSES = ['new', 'working', 'qualified', 'disqualified'] as const;

export const LEAD_TYPES = ['new-business', 'upsell', 'renewal'] as const;
export type LeadType = (typeof LEAD_TYPES)[number];

/** What a conversion produced: the records the lead lives on as. */
export interface LeadConversion {
  accountId: string;
  contactId: string;
  opportunityId?: string;
  convertedAt: string;
  convertedBy: string;
}

export interface LeadRecord extends RecordBase {
  firstName?: string;
  lastName: string;
  company?: string;
  jobTitle?: string;
  emails: Array<{ address: string; label: EmailLabel }>;
  phones: Array<{ number: string; label: PhoneLabel }>;
  source?: LeadSource;
  productLine?: string;
  /** Estimated deal size in `currency`. */
  estimatedAmount?: number;
  currency?: string;
  region?: string;
  country?: string;
  leadType?: LeadType;
  status: LeadStatus;
  disqualifiedReason?: string;
  ownerId: string;
  notes?: string;
  conversion?: LeadConversion;
}

export interface LeadFilter {
  keywords?: string[];
  /** Record-level access: only these owners' leads (absent: all). */
  visibleOwners?: string[];
  status?: LeadStatus;
  ownerId?: string;
  source?: LeadSource;
}

export interface LeadRepository extends RecordRepository<LeadRecord>, ChangeSource<LeadRecord> {
  /** Live leads, newest first. */
  list(tenantId: string, filter: LeadFilter, page: PageRequest): Promise<Page<Versioned<LeadRecord>>>;
}

/**
 * Look-ups a merge needs that the other repositories do not offer yet: which records point at
 * the one being merged away. Ids only; the writes go through the owning repositories (audited).
 */
export interface MergeReferences {
  /** Live opportunities whose primary contact is this contact. */
  opportunityIdsOfContact(tenantId: string, contactId: string, limit: number): Promise<string[]>;
  /** Live accounts whose parent is this account. */
  childAccountIds(tenantId: string, accountId: string, limit: number): Promise<string[]>;
}

export interface LeadStores {
  leads: LeadRepository;
  references: MergeReferences;
}

export function leadFullName(lead: Pick<LeadRecord, 'firstName' | 'lastName'>): string {
  return [lead.firstName, lead.lastName].filter(Boolean).join(' ');
}

/**
 * A lead list is an inbox: newest first. Keyset paging runs ascending on the sort key, so the key
 * starts with the time left until a far date (fixed width), then the id for ties.
 */
export function leadSortKey(lead: Pick<LeadRecord, 'createdAt' | 'id'>): string {
  const untilFarFuture = 9_999_999_999_999 - Date.parse(lead.createdAt);
  return `${String(untilFarFuture).padStart(13, '0')}\u0001${lead.id}`;
}

export function leadSearchText(lead: LeadRecord): string {
  return buildSearchText(
    [lead.firstName, lead.lastName, lead.company, lead.jobTitle, lead.productLine, ...lead.emails.map((email) => email.address)],
    lead.phones.map((phone) => phone.number),
  );
}

/** A disqualified lead says why; the reason belongs to that status only. */
export function leadStatusIssues(lead: Pick<LeadRecord, 'status' | 'disqualifiedReason'>): FieldIssue[] {
  if (lead.status === 'disqualified' && !lead.disqualifiedReason) {
    return [{ field: 'disqualifiedReason', message: 'is required when a lead is disqualified' }];
  }
  if (lead.status !== 'disqualified' && lead.disqualifiedReason) {
    return [{ field: 'disqualifiedReason', message: 'applies only to a disqualified lead' }];
  }
  return [];
}

export function requireLeadStatusRules(lead: Pick<LeadRecord, 'status' | 'disqualifiedReason'>): void {
  const issues = leadStatusIssues(lead);
  if (issues.length) throw new AppError('VALIDATION', 'A disqualified lead needs a reason, and only a disqualified one.', { issues });
}

/** A converted lead is history: its data lives on in the account, contact and deal it became. */
export function requireNotConverted(lead: Pick<LeadRecord, 'status' | 'conversion'>): void {
  if (lead.status !== 'converted') return;
  const ids = lead.conversion ? ` (account ${lead.conversion.accountId}, contact ${lead.conversion.contactId}${lead.conversion.opportunityId ? `, opportunity ${lead.conversion.opportunityId}` : ''})` : '';
  throw new AppError('CONFLICT', `This lead was already converted${ids}; work on those records instead.`);
}

