/**
 * The timeline of an account, a contact or an opportunity: everything that happened to it,
 * newest first. One entry can concern several records at once (a call regarding a contact, its
 * account and an opportunity) and then appears on each of their timelines.
 */
export const TIMELINE_ENTITIES = ['account', 'contact', 'opportunity'] as const;
export type TimelineEntity = (typeof TIMELINE_ENTITIES)[number];

export const HISTORY_KINDS = ['note', 'activity', 'email', 'letter', 'stage-change', 'status-change'] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

export interface RecordRef {
  entity: TimelineEntity;
  id: string;
}

export interface HistoryEntry {
  /** Deterministic when the entry comes from another record (`stage:<opportunity>:<n>`), so a retry writes it once. */
  id: string;
  tenantId: string;
  kind: HistoryKind;
  occurredAt: string;
  /** Who did it (user id). */
  actorId: string;
  title: string;
  /** Plain text excerpt shown on the timeline; bodies stay with their source record. */
  summary?: string;
  regarding: RecordRef[];
  /** The record the entry stands for, when it has one (an activity, an e-mail, a letter). */
  source?: { entity: string; id: string };
  /** Kind-specific facts, e.g. `{ from: 'Qualify', to: 'Propose' }` for a stage change. */
  details?: Record<string, string | number | boolean | null>;
}

export function timelineKey(ref: RecordRef): string {
  return `${ref.entity}:${ref.id}`;
}

/** Distinct references, so an entry regarding the same record twice appears once on its timeline. */
export function distinctRefs(refs: RecordRef[]): RecordRef[] {
  const seen = new Map(refs.map((ref) => [timelineKey(ref), ref]));
  return [...seen.values()];
}

/** Sorted newest first; ties broken by id so pages are stable. */
export function historySortKey(entry: Pick<HistoryEntry, 'occurredAt' | 'id'>): string {
  return `${entry.occurredAt}\u0001${entry.id}`;
}
