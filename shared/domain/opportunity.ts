/**
 * Opportunities: deals in the pipeline. The rules here decide probability, status and closing
 * from the tenant's sales stages; the use cases only load, call these and store.
 */
import type { DealCompetitor } from './competitor';
import { AppError, type FieldIssue } from './errors';
import type { LineItem } from './pricing';
import type { Page, PageRequest, RecordBase, Versioned } from './record';
import type { ChangeSource, RecordRepository } from './repositories';
import type { SalesStage, StageKind } from './sales-stages';
import { buildSearchText, buildSortKey } from './text-normalization';

export const LEAD_SOURCES = ['web', 'referral', 'event', 'partner', 'campaign', 'cold-call', 'other'] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];

/** Derived from the kind of the stage the deal is at, stored for filtering. */
export type OpportunityStatus = StageKind;
export const OPPORTUNITY_STATUSES: readonly OpportunityStatus[] = ['open', 'won', 'lost'];

/** One move between stages; `from` is null for the stage a deal was created at. */
export interface StageChange {
  from: string | null;
  to: string;
  at: string;
  by: string;
}

export interface OpportunityRecord extends RecordBase {
  name: string;
  accountId: string;
  /** Copy of the account's name for lists and search. */
  accountName: string;
  /** The primary contact. */
  contactId?: string;
  ownerId: string;
  stage: string;
  /** Win probability in percent. */
  probability: number;
  /** Set by hand: stage moves between open stages keep it instead of taking the stage's default. */
  probabilityOverridden: boolean;
  /**
   * In `currency`, at most 2 decimals. While the deal has products it is the sum of their line
   * totals (see dealAmount); without products it is typed by hand.
   */
  amount: number;
  /** What the deal sells, priced when each line was set; absent when the amount is typed. */
  products?: LineItem[];
  /** Where lines without a given price take it from; the currency's default price list when absent. */
  priceListId?: string;
  /** Expected gross margin, percent of the amount. Field rules usually restrict it. */
  margin?: number;
  currency: string;
  expectedCloseDate: string;
  /** The day it was won or lost; absent while open. */
  actualCloseDate?: string;
  status: OpportunityStatus;
  lossReason?: string;
  winReason?: string;
  /** Competitors met on the deal; their outcome statuses follow the deal (see settleDealCompetitors). */
  competitors?: DealCompetitor[];
  /** When lost: the competitor that won it, one of `competitors`. */
  lostToCompetitorId?: string;
  leadSource?: LeadSource;
  description?: string;
  /** Every stage the deal entered, oldest first: what pipeline velocity is computed from. */
  stageHistory: StageChange[];
}

export interface OpportunityFilter {
  keywords?: string[];
  /** Record-level access: only these owners' deals (absent: all). */
  visibleOwners?: string[];
  /** With `visibleOwners`: deals of these accounts are visible too (special-account teams). */
  keyAccountIds?: string[];
  accountId?: string;
  ownerId?: string;
  stage?: string;
  status?: OpportunityStatus;
  /** Inclusive range on expectedCloseDate (ISO dates). */
  closeFrom?: string;
  closeTo?: string;
  amountMin?: number;
  amountMax?: number;
}

export interface OpportunityRepository extends RecordRepository<OpportunityRecord>, ChangeSource<OpportunityRecord> {
  /** Live opportunities sorted by name. */
  list(tenantId: string, filter: OpportunityFilter, page: PageRequest): Promise<Page<Versioned<OpportunityRecord>>>;
  /** Whether a live opportunity is at the stage (with that status, when given). */
  anyAtStage(tenantId: string, stageId: string, status?: OpportunityStatus): Promise<boolean>;
  /** Live opportunities of the account whose copy of its name differs from `accountName`. */
  listWithStaleAccountName(tenantId: string, accountId: string, accountName: string, limit: number): Promise<Array<Versioned<OpportunityRecord>>>;
}

export function opportunitySortKey(record: Pick<OpportunityRecord, 'name' | 'id'>): string {
  return buildSortKey(record.name, record.id);
}

export function opportunitySearchText(record: Pick<OpportunityRecord, 'name' | 'accountName'>): string {
  return buildSearchText([record.name, record.accountName]);
}

/** Money is kept in cents precision; binary floats are rounded once, on the way in. */
export function roundAmount(amount: number): number {
  return Math.round(amount * 100) / 100;
}

export function hasAtMostTwoDecimals(amount: number): boolean {
  return Math.abs(amount * 100 - Math.round(amount * 100)) < 1e-6;
}

/** The forecast's measure: amount × probability, to the cent (computed in whole cents, half up). */
export function weightedAmount(record: Pick<OpportunityRecord, 'amount' | 'probability'>): number {
  const cents = Math.round(record.amount * 100);
  return Math.round((cents * record.probability) / 100) / 100;
}

/** ISO 4217 codes in use, as the runtime knows them; shape only where the runtime cannot list them. */
export function isCurrencyCode(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency').includes(code) : true;
}

export function statusOfStage(stage: Pick<SalesStage, 'kind'>): OpportunityStatus {
  return stage.kind;
}

/** A closed stage fixes the probability (100 won, 0 lost); an open one gives its default unless overridden. */
export function probabilityAt(stage: SalesStage, override: number | undefined): { probability: number; probabilityOverridden: boolean } {
  if (stage.kind !== 'open' || override === undefined || override === stage.probability) {
    return { probability: stage.probability, probabilityOverridden: false };
  }
  return { probability: override, probabilityOverridden: true };
}

export interface ClosingReasons {
  lossReason?: string;
  winReason?: string;
}

/** A lost deal must say why; each reason belongs to its own outcome only. */
export function closingIssues(status: OpportunityStatus, reasons: ClosingReasons): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (status === 'lost' && !reasons.lossReason) issues.push({ field: 'lossReason', message: 'is required when an opportunity is lost' });
  if (status !== 'lost' && reasons.lossReason) issues.push({ field: 'lossReason', message: 'applies only to a lost opportunity' });
  if (status !== 'won' && reasons.winReason) issues.push({ field: 'winReason', message: 'applies only to a won opportunity' });
  return issues;
}

export function requireClosingRules(status: OpportunityStatus, reasons: ClosingReasons): void {
  const issues = closingIssues(status, reasons);
  if (issues.length) throw new AppError('VALIDATION', 'A lost opportunity needs a loss reason, and reasons must match the outcome.', { issues });
}

type StageFields = Pick<
  OpportunityRecord,
  'stage' | 'status' | 'probability' | 'probabilityOverridden' | 'actualCloseDate' | 'lossReason' | 'winReason' | 'stageHistory'
>;

/**
 * The deal enters `stage`: status follows the stage's kind, probability follows the stage unless
 * overridden on an open stage, closing dates the deal and takes the reasons given (reopening
 * drops them), and the move is appended to the stage history.
 */
export function enterStage<T extends StageFields>(record: T, stage: SalesStage, reasons: ClosingReasons, change: { at: string; by: string }): T {
  requireClosingRules(stage.kind, reasons);
  const override = record.probabilityOverridden ? record.probability : undefined;
  const next: T = {
    ...record,
    stage: stage.id,
    status: statusOfStage(stage),
    ...probabilityAt(stage, override),
    stageHistory: [...record.stageHistory, { from: record.stageHistory.length ? record.stage : null, to: stage.id, at: change.at, by: change.by }],
  };
  delete next.actualCloseDate;
  delete next.lossReason;
  delete next.winReason;
  if (stage.kind !== 'open') next.actualCloseDate = change.at.slice(0, 10);
  if (reasons.lossReason) next.lossReason = reasons.lossReason;
  if (reasons.winReason) next.winReason = reasons.winReason;
  return next;
}

/**
 * A probability set by hand: a number overrides the stage's default on an open deal; `null`
 * goes back to following the stage. A closed deal's probability cannot be changed.
 */
export function withProbability<T extends StageFields>(record: T, stage: SalesStage | undefined, value: number | null): T {
  if (record.status !== 'open' && !(value === null || value === record.probability)) {
    throw new AppError('VALIDATION', 'A closed opportunity keeps the probability of its stage.', {
      issues: [{ field: 'probability', message: `is fixed at ${record.probability} while the opportunity is ${record.status}` }],
    });
  }
  if (!stage) return value === null ? { ...record, probabilityOverridden: false } : { ...record, probability: value, probabilityOverridden: true };
  return { ...record, ...probabilityAt(stage, value ?? undefined) };
}
