/**
 * What the use cases need from storage, defined by the caller. The Cosmos adapters in
 * functions/infra/cosmos implement these; one contract suite runs against them.
 */
import type { AccountRecord, AccountType } from './account';
import type { ContactRecord } from './contact';
import type { RoleAssignment } from './access-policy';
import type { AuditEntry } from './audit';
import type { FieldRule } from './field-security';
import type { Team } from './record-access';
import type { HistoryEntry, RecordRef } from './history';
import type { QuotaRecord, QuotaSubjectType } from './quota';
import type { Page, PageRequest, RecordChange, SyncPosition, Versioned } from './record';

export interface AccountFilter {
  keywords?: string[];
  type?: AccountType;
  industry?: string;
  ownerId?: string;
}

export interface ContactFilter {
  keywords?: string[];
  accountId?: string;
  ownerId?: string;
}

export interface RecordRepository<T> {
  /** The record, tombstones included, or null; never another tenant's. */
  get(tenantId: string, id: string): Promise<Versioned<T> | null>;
  getMany(tenantId: string, ids: string[]): Promise<Array<Versioned<T>>>;
  /** CONFLICT when the id exists. */
  create(record: T): Promise<Versioned<T>>;
  /**
   * PRECONDITION_FAILED when `etag` is not the stored version; NOT_FOUND when absent. `previous`:
   * the version the caller read under that ETag, which spares the store reading it again.
   */
  replace(record: T, etag: string, previous?: Versioned<T>): Promise<Versioned<T>>;
}

/** Feeds offline clients: changes (tombstones included) in a stable order, resumable from a position. */
export interface ChangeSource<T> {
  /** Changes after `after`, only those stored before `settledBefore` (store seconds), oldest first. */
  changesSince(tenantId: string, after: SyncPosition | undefined, settledBefore: number, limit: number): Promise<Array<RecordChange<T>>>;
}

export interface AccountRepository extends RecordRepository<AccountRecord>, ChangeSource<AccountRecord> {
  /** Live accounts sorted by name. */
  list(tenantId: string, filter: AccountFilter, page: PageRequest): Promise<Page<Versioned<AccountRecord>>>;
}

export interface ContactRepository extends RecordRepository<ContactRecord>, ChangeSource<ContactRecord> {
  /** Live contacts sorted by last name, first name. */
  list(tenantId: string, filter: ContactFilter, page: PageRequest): Promise<Page<Versioned<ContactRecord>>>;
  /** Live contacts of the account whose copy of its name differs from `accountName`. */
  listWithStaleAccountName(tenantId: string, accountId: string, accountName: string, limit: number): Promise<Array<Versioned<ContactRecord>>>;
}

/**
 * The sender-lookup index: normalised e-mail → ids of contacts that may have it. It may list
 * more ids than are true (readers check each contact), never fewer: writers add before the
 * contact write and remove after it.
 */
export interface EmailIndex {
  contactIdsFor(tenantId: string, email: string): Promise<string[]>;
  add(tenantId: string, email: string, contactId: string): Promise<void>;
  remove(tenantId: string, email: string, contactId: string): Promise<void>;
  /** Every entry of every tenant, page by page, for maintenance jobs. */
  entries(): AsyncIterable<{ tenantId: string; email: string; contactIds: string[] }>;
}

/** Timelines: entries written once (idempotent by id), read newest first per record. */
export interface HistoryRepository {
  /**
   * Writes the entry on the timeline of each record it regards. Writing an id again completes
   * what a failed write left out and then answers CONFLICT, as creates do: callers retrying a
   * deterministic id (`stage:<opportunity>:<n>`) treat CONFLICT as done.
   */
  append(entry: HistoryEntry): Promise<void>;
  page(tenantId: string, ref: RecordRef, page: PageRequest): Promise<Page<HistoryEntry>>;
  /**
   * Puts every entry of `from`'s timeline on `to`'s as well (merging keeps the duplicate's
   * history), each entry then also regarding `to`. Idempotent: entries already copied stay as
   * they are, so a retried merge completes what a failed one left out. Answers how many it added.
   */
  copyTimeline(tenantId: string, from: RecordRef, to: RecordRef): Promise<number>;
}

/** The append-only audit trail of every record. */
export interface AuditTrail {
  append(entry: AuditEntry): Promise<void>;
  /** One record's entries, newest first. */
  page(tenantId: string, entity: string, recordId: string, page: PageRequest): Promise<Page<AuditEntry>>;
}

/** A tenant-wide setting (field rules, teams): defaults until an admin saves one. */
export interface TenantSetting<T> {
  get(tenantId: string): Promise<{ value: T; etag: string | null }>;
  /** `etag` null: the tenant still has the defaults. PRECONDITION_FAILED when someone saved meanwhile. */
  save(tenantId: string, value: T, etag: string | null, actorId: string): Promise<{ value: T; etag: string }>;
}

export type FieldRuleRepository = TenantSetting<FieldRule[]>;
export type TeamRepository = TenantSetting<Team[]>;
export type RoleAssignmentRepository = TenantSetting<RoleAssignment[]>;

export interface QuotaFilter {
  subjectType?: QuotaSubjectType;
  subjectId?: string;
  year?: string;
  /** Sellers see their own quota and their teams' only. */
  visibleTo?: { userId: string; teamIds: string[] };
}

export interface QuotaRepository extends RecordRepository<QuotaRecord> {
  list(tenantId: string, filter: QuotaFilter, page: PageRequest): Promise<Page<Versioned<QuotaRecord>>>;
}
