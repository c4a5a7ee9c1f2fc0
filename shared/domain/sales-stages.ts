/**
 * Sales stages: each tenant's ordered list of the steps a deal goes through, with the default
 * win probability of each step and whether reaching it means the deal is still open, won or lost.
 */
import type { Versioned } from './record';

export const STAGE_KINDS = ['open', 'won', 'lost'] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

export interface SalesStage {
  /** Slug, stable across renames: opportunities and their history keep it. */
  id: string;
  name: string;
  /** Default win probability in percent (0..100) of a deal at this stage. */
  probability: number;
  kind: StageKind;
}

export const STAGE_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_STAGES = 30;

/** What a tenant works with until an administrator changes it. */
export const DEFAULT_SALES_STAGES: readonly SalesStage[] = [
  { id: 'prospect', name: 'Prospect', probability: 10, kind: 'open' },
  { id: 'qualify', name: 'Qualify', probability: 20, kind: 'open' },
  { id: 'develop', name: 'Develop', probability: 40, kind: 'open' },
  { id: 'propose', name: 'Propose', probability: 60, kind: 'open' },
  { id: 'negotiate', name: 'Negotiate', probability: 80, kind: 'open' },
  { id: 'closed-won', name: 'Closed won', probability: 100, kind: 'won' },
  { id: 'closed-lost', name: 'Closed lost', probability: 0, kind: 'lost' },
];

/**
 * The version a client sees while the tenant still uses the defaults; sending it back in
 * If-Match stores the first list. Bump it when the defaults change so stale edits are refused.
 */
export const DEFAULT_STAGES_ETAG = 'default-stages-1';

/** The stored settings document of a tenant's stages. */
export interface SalesStageSettings {
  tenantId: string;
  stages: SalesStage[];
  updatedAt: string;
  updatedBy: string;
}

export interface SalesStageSettingsRepository {
  /** The tenant's stored list, or null while it uses the defaults. */
  get(tenantId: string): Promise<Versioned<SalesStageSettings> | null>;
  /**
   * Stores the list: creates it when `etag` is undefined (PRECONDITION_FAILED when someone
   * stored one meanwhile), otherwise replaces it under If-Match (PRECONDITION_FAILED when stale).
   */
  save(settings: SalesStageSettings, etag: string | undefined): Promise<Versioned<SalesStageSettings>>;
}

export interface StageListIssue {
  /** Path inside the list: `[2, 'id']`, or `[]` for the list as a whole. */
  path: Array<string | number>;
  message: string;
}

/**
 * What makes a stage list usable: unique ids and names, at least one open stage, exactly one
 * won stage at 100% and one lost stage at 0% (so a closed deal weighs all or nothing in the
 * forecast). Field-level rules (slug, range) are the schema's.
 */
export function stageListIssues(stages: readonly SalesStage[]): StageListIssue[] {
  const issues: StageListIssue[] = [...duplicateIssues(stages, 'id'), ...duplicateIssues(stages, 'name')];
  if (!stages.some((stage) => stage.kind === 'open')) issues.push({ path: [], message: 'must have at least one open stage' });
  for (const kind of ['won', 'lost'] as const) {
    const indexes = stages.flatMap((stage, index) => (stage.kind === kind ? [index] : []));
    if (indexes.length === 0) issues.push({ path: [], message: `must have one ${kind} stage` });
    for (const index of indexes.slice(1)) issues.push({ path: [index, 'kind'], message: `only one stage may be ${kind}` });
    const expected = kind === 'won' ? 100 : 0;
    for (const index of indexes) {
      if (stages[index]?.probability !== expected) issues.push({ path: [index, 'probability'], message: `must be ${expected} for the ${kind} stage` });
    }
  }
  return issues;
}

function duplicateIssues(stages: readonly SalesStage[], field: 'id' | 'name'): StageListIssue[] {
  const seen = new Set<string>();
  return stages.flatMap((stage, index) => {
    const key = stage[field].trim().toLowerCase();
    if (seen.has(key)) return [{ path: [index, field], message: `appears twice in the list` }];
    seen.add(key);
    return [];
  });
}

export function findStage(stages: readonly SalesStage[], id: string): SalesStage | undefined {
  return stages.find((stage) => stage.id === id);
}

/** Where a new deal starts when none is given: the first open stage of the list. */
export function firstOpenStage(stages: readonly SalesStage[]): SalesStage | undefined {
  return stages.find((stage) => stage.kind === 'open');
}

/** The stage's display name; an id no longer in the list (a removed stage) shows as itself. */
export function stageName(stages: readonly SalesStage[], id: string): string {
  return findStage(stages, id)?.name ?? id;
}

/** Stages a new list drops, and stages whose kind it changes: both need checking against live deals. */
export function stageListChanges(before: readonly SalesStage[], after: readonly SalesStage[]): { removed: SalesStage[]; kindChanged: SalesStage[] } {
  const removed = before.filter((stage) => !findStage(after, stage.id));
  const kindChanged = after.filter((stage) => {
    const previous = findStage(before, stage.id);
    return previous !== undefined && previous.kind !== stage.kind;
  });
  return { removed, kindChanged };
}
