/**
 * Competitors: the tenant's profiles of the vendors its reps meet on deals (what they sell, how
 * to argue against them, dated notes on their moves), and the rules that tie them to deals:
 * which competitor statuses a deal's outcome implies, and the win/loss figures against each.
 */
import type { FieldIssue } from './errors';
import type { OpportunityRecord, OpportunityStatus } from './opportunity';
import type { Page, PageRequest, RecordBase, Versioned } from './record';
import type { RecordRepository } from './repositories';
import { buildSearchText, buildSortKey, foldText } from './text-normalization';

export const THREAT_LEVELS = ['low', 'medium', 'high'] as const;
export type ThreatLevel = (typeof THREAT_LEVELS)[number];

/** A profile's notes are embedded: this keeps the document far below Cosmos's 2 MB item limit. */
export const MAX_STRATEGY_NOTES = 200;

/** A dated observation of the competitor's moves; append-only, so the list reads as a timeline. */
export interface StrategyNote {
  id: string;
  at: string;
  authorId: string;
  text: string;
}

export interface CompetitorRecord extends RecordBase {
  /** Unique per tenant, compared folded (case and accents ignored, see competitorNameKey). */
  name: string;
  website?: string;
  description?: string;
  strengths: string[];
  weaknesses: string[];
  /** Our arguments against them: what a rep says when the customer mentions them. */
  talkingPoints: string[];
  /** What they sell that competes with us. */
  products: string[];
  threatLevel: ThreatLevel;
  /** Oldest first. */
  strategyNotes: StrategyNote[];
}

export interface CompetitorFilter {
  keywords?: string[];
  threatLevel?: ThreatLevel;
}

export interface CompetitorRepository extends RecordRepository<CompetitorRecord> {
  /** Live competitors sorted by name. */
  list(tenantId: string, filter: CompetitorFilter, page: PageRequest): Promise<Page<Versioned<CompetitorRecord>>>;
  /** Reserves the folded name before the profile is written; CONFLICT naming the holder when a live profile has it. */
  claimName(tenantId: string, name: string, competitorId: string, now: Date): Promise<void>;
  /** Frees the name after the profile gave it up (renamed or deleted); no-op if another holds it. */
  releaseName(tenantId: string, name: string, competitorId: string): Promise<void>;
}

// ---- Competitors on deals ----

export const DEAL_COMPETITOR_STATUSES = ['active', 'won-against', 'lost-to', 'withdrawn'] as const;
export type DealCompetitorStatus = (typeof DEAL_COMPETITOR_STATUSES)[number];

/** A competitor met on a deal. */
export interface DealCompetitor {
  competitorId: string;
  status: DealCompetitorStatus;
  notes?: string;
}

/** The deal fields these rules read. */
export interface DealOutcome {
  status: OpportunityStatus;
  competitors?: DealCompetitor[];
  lostToCompetitorId?: string;
}

/** The slice of a deal the win/loss figures need (what the store projects). */
export type WinLossDeal = DealOutcome & Pick<OpportunityRecord, 'amount' | 'currency'>;

/** Reads deals by the competitors met on them; lives beside the opportunities' store. */
export interface CompetitorDealReader {
  /** Live deals the competitor was met on, sorted by name; only these owners' deals when given. */
  page(tenantId: string, competitorId: string, visibleOwners: string[] | undefined, page: PageRequest): Promise<Page<Versioned<OpportunityRecord>>>;
  /** Every such deal, reduced to the fields of the win/loss figures. */
  outcomes(tenantId: string, competitorId: string, visibleOwners: string[] | undefined): Promise<WinLossDeal[]>;
}

export interface CompetitorStores {
  competitors: CompetitorRepository;
  deals: CompetitorDealReader;
}

/** Names compare as people read them: "Acmé Corp" and "acme  corp" are one competitor. */
export function competitorNameKey(name: string): string {
  return foldText(name);
}

export function competitorSortKey(record: Pick<CompetitorRecord, 'name' | 'id'>): string {
  return buildSortKey(record.name, record.id);
}

export function competitorSearchText(record: Pick<CompetitorRecord, 'name' | 'website' | 'products'>): string {
  return buildSearchText([record.name, record.website, ...record.products]);
}

function settledStatus(entry: DealCompetitor, deal: DealOutcome): DealCompetitorStatus {
  if (entry.status === 'withdrawn') return 'withdrawn';
  if (deal.status === 'won') return 'won-against';
  if (deal.status === 'lost' && entry.competitorId === deal.lostToCompetitorId) return 'lost-to';
  return 'active';
}

/**
 * Outcome statuses follow the deal, so they can never disagree with it: a won deal was won
 * against every competitor still in the race, a lost deal was lost to the one it names (the
 * others stay active), and a reopened deal puts everyone back in the race. Only 'withdrawn'
 * is a rep's statement and is kept as it is.
 */
export function settleDealCompetitors<T extends DealOutcome>(deal: T): T {
  if (!deal.competitors) return deal;
  return { ...deal, competitors: deal.competitors.map((entry) => ({ ...entry, status: settledStatus(entry, deal) })) };
}

/**
 * What is wrong with a deal's competitors: a competitor twice, a submitted outcome status the
 * deal does not have, or a lost-to competitor that is not on the deal, withdrew, or names a
 * deal that is not lost. `submitted` is the list the request sent (its statuses are checked).
 */
export function dealCompetitorIssues(deal: DealOutcome, submitted?: readonly DealCompetitor[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const competitors = deal.competitors ?? [];
  const seen = new Set<string>();
  competitors.forEach((entry, index) => {
    if (seen.has(entry.competitorId)) issues.push({ field: `competitors.${index}.competitorId`, message: 'appears earlier in this list' });
    seen.add(entry.competitorId);
  });
  submitted?.forEach((entry, index) => {
    if (entry.status === 'won-against' && deal.status !== 'won') issues.push({ field: `competitors.${index}.status`, message: 'applies only to a won opportunity' });
    if (entry.status === 'lost-to' && !(deal.status === 'lost' && entry.competitorId === deal.lostToCompetitorId)) {
      issues.push({ field: `competitors.${index}.status`, message: 'applies only to the competitor a lost opportunity names in lostToCompetitorId' });
    }
  });
  const lostTo = deal.lostToCompetitorId;
  if (lostTo === undefined) return issues;
  const entry = competitors.find((candidate) => candidate.competitorId === lostTo);
  if (deal.status !== 'lost') issues.push({ field: 'lostToCompetitorId', message: 'applies only to a lost opportunity' });
  else if (!entry) issues.push({ field: 'lostToCompetitorId', message: "must be one of the opportunity's competitors" });
  else if (entry.status === 'withdrawn') issues.push({ field: 'lostToCompetitorId', message: 'names a competitor that withdrew from this opportunity' });
  return issues;
}

// ---- Win/loss against one competitor ----

export type HeadToHead = 'open' | 'won-against' | 'lost-to' | 'lost-to-others' | 'withdrawn';

/** How a deal went against the competitor, from the deal's outcome (not the stored statuses, which may predate it). */
export function headToHead(competitorId: string, deal: DealOutcome): HeadToHead | undefined {
  const entry = deal.competitors?.find((candidate) => candidate.competitorId === competitorId);
  if (!entry) return undefined;
  if (entry.status === 'withdrawn') return 'withdrawn';
  if (deal.status === 'open') return 'open';
  if (deal.status === 'won') return 'won-against';
  return deal.lostToCompetitorId === competitorId ? 'lost-to' : 'lost-to-others';
}

export interface CurrencyFigures {
  currency: string;
  open: number;
  wonAgainst: number;
  lostTo: number;
}

export interface WinLossFigures {
  competitorId: string;
  deals: number;
  open: number;
  wonAgainst: number;
  lostTo: number;
  /** Lost while they competed, but to someone else or to no decision. */
  lostToOthers: number;
  withdrawn: number;
  /** wonAgainst / (wonAgainst + lostTo): head-to-head only; null before any such outcome. */
  winRate: number | null;
  /** Amounts per currency (never converted), by currency code. */
  amounts: CurrencyFigures[];
}

const AMOUNT_FIELD: Partial<Record<HeadToHead, 'open' | 'wonAgainst' | 'lostTo'>> = { open: 'open', 'won-against': 'wonAgainst', 'lost-to': 'lostTo' };

export function winLossOf(competitorId: string, deals: readonly WinLossDeal[]): WinLossFigures {
  const counts: Record<HeadToHead, number> = { open: 0, 'won-against': 0, 'lost-to': 0, 'lost-to-others': 0, withdrawn: 0 };
  // Summed in whole cents: binary floats would drift over many deals.
  const cents = new Map<string, CurrencyFigures>();
  for (const deal of deals) {
    const outcome = headToHead(competitorId, deal);
    if (!outcome) continue;
    counts[outcome] += 1;
    const field = AMOUNT_FIELD[outcome];
    if (!field) continue;
    const figures = cents.get(deal.currency) ?? { currency: deal.currency, open: 0, wonAgainst: 0, lostTo: 0 };
    figures[field] += Math.round(deal.amount * 100);
    cents.set(deal.currency, figures);
  }
  const decided = counts['won-against'] + counts['lost-to'];
  return {
    competitorId,
    deals: Object.values(counts).reduce((sum, count) => sum + count, 0),
    open: counts.open,
    wonAgainst: counts['won-against'],
    lostTo: counts['lost-to'],
    lostToOthers: counts['lost-to-others'],
    withdrawn: counts.withdrawn,
    winRate: decided === 0 ? null : Math.round((counts['won-against'] / decided) * 1000) / 1000,
    amounts: [...cents.values()]
      .sort((a, b) => a.currency.localeCompare(b.currency))
      .map((figures) => ({ currency: figures.currency, open: figures.open / 100, wonAgainst: figures.wonAgainst / 100, lostTo: figures.lostTo / 100 })),
  };
}
