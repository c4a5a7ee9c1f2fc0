import type { TrackEmailRequest } from '../../../shared/contracts/outlook.contract';
import { assertCan } from '../../../shared/domain/access-policy';
import { AppError } from '../../../shared/domain/errors';
import type { Versioned } from '../../../shared/domain/record';
import {
  messageKeys,
  missingMessageIds,
  primaryMessageKey,
  trackedEmailExcerpt,
  trackedEmailHistoryEntry,
  trackedEmailHistoryId,
  type MessageIds,
  type TrackedEmailRecord,
} from '../../../shared/domain/tracked-email';
import { recordOnTimelines } from '../history/record-on-timelines';
import type { UseCaseCall, UseCaseDeps } from '../usecase-context';
import { trackedEmailId } from './outlook-ids';
import { requireRegardedRecords } from './regarded-records';

export interface TrackOutcome {
  record: Versioned<TrackedEmailRecord>;
  /** False when the message was tracked already (by this or another request). */
  created: boolean;
}

type Tracked = Versioned<TrackedEmailRecord>;

/** The tracking a message has under any of its ids, or null. */
export async function findTrackedEmail(deps: UseCaseDeps, tenantId: string, ids: MessageIds): Promise<Tracked | null> {
  const store = deps.stores.trackedEmails;
  const holders = await Promise.all(messageKeys(ids).map((key) => store.idForKey(tenantId, key)));
  // A key claimed by a request that died before writing its tracking points at nothing: try the next.
  for (const id of new Set(holders.filter((holder): holder is string => holder !== null))) {
    const record = await store.get(tenantId, id);
    if (record) return record;
  }
  return null;
}

export async function getTrackedEmail({ deps, principal }: UseCaseCall, ids: MessageIds): Promise<Tracked> {
  assertCan(principal, 'read', 'email');
  const record = await findTrackedEmail(deps, principal.tenantId, ids);
  if (!record) throw new AppError('NOT_FOUND', 'This message is not tracked.');
  return record;
}

/**
 * Tracks a message once: its keys are claimed under an id derived from the message, then the
 * tracking is written, then its timeline entry (deterministic id). A request that finds the
 * message tracked, loses a claim, or meets the record on create answers the existing tracking.
 */
export async function trackEmail(call: UseCaseCall, input: TrackEmailRequest): Promise<TrackOutcome> {
  const { deps, principal } = call;
  assertCan(principal, 'create', 'email');
  const tenantId = principal.tenantId;
  const store = deps.stores.trackedEmails;
  const ids: MessageIds = { internetMessageId: input.internetMessageId, trackingId: input.trackingId };
  const existing = await findTrackedEmail(deps, tenantId, ids);
  if (existing) return { record: await settleExisting(call, existing, ids), created: false };

  const regarding = await requireRegardedRecords(call, input);
  const keys = messageKeys(ids);
  const primary = primaryMessageKey(keys);
  if (!primary) throw new AppError('VALIDATION', 'Give internetMessageId or trackingId.', { issues: [{ field: 'internetMessageId', message: 'give internetMessageId or trackingId' }] });
  const id = trackedEmailId(tenantId, primary);
  const holders = await Promise.all(keys.map((key) => store.claimKey(tenantId, key, id)));
  const other = holders.find((holder) => holder !== id);
  if (other) {
    // Another tracking of this message got there first, under its other id.
    await Promise.all(keys.map((key) => store.releaseKey(tenantId, key, id)));
    const theirs = await store.get(tenantId, other);
    if (!theirs) throw new AppError('CONFLICT', 'This message is being tracked by another request right now; try again in a moment.');
    return { record: await settleExisting(call, theirs, ids), created: false };
  }
  let saved: Tracked;
  try {
    saved = await store.create(newTracking(call, id, input, regarding));
  } catch (error) {
    const current = error instanceof AppError && error.code === 'CONFLICT' ? await store.get(tenantId, id) : null;
    if (!current) throw error;
    return { record: await settleExisting(call, current, ids), created: false };
  }
  await recordOnTimelines(deps, trackedEmailHistoryEntry(saved));
  return { record: saved, created: true };
}

function newTracking({ deps, principal }: UseCaseCall, id: string, input: TrackEmailRequest, regarding: TrackedEmailRecord['regarding']): TrackedEmailRecord {
  const now = deps.now().toISOString();
  const [key] = messageKeys(input).filter((candidate) => candidate.kind === 'message-id');
  return {
    id,
    tenantId: principal.tenantId,
    ...(key ? { internetMessageId: key.value } : {}),
    ...(input.trackingId ? { trackingId: input.trackingId } : {}),
    ...(input.conversationId ? { conversationId: input.conversationId } : {}),
    subject: input.subject,
    from: input.from,
    to: input.to,
    cc: input.cc,
    sentAt: input.sentAt,
    excerpt: trackedEmailExcerpt(input.bodyExcerpt),
    regarding,
    ownerId: principal.userId,
    historyEntryId: trackedEmailHistoryId(id),
    createdAt: now,
    createdBy: principal.userId,
    updatedAt: now,
    updatedBy: principal.userId,
    deletedAt: null,
  };
}

/**
 * An existing tracking learns the ids the request names and it lacks (a message tracked when sent,
 * by its trackingId, is then found by its internetMessageId too), and its timeline entry is
 * written again: a no-op, unless a crash left it out the first time.
 */
async function settleExisting({ deps, principal }: UseCaseCall, existing: Tracked, ids: MessageIds): Promise<Tracked> {
  const store = deps.stores.trackedEmails;
  const missing = missingMessageIds(existing, ids);
  const claimed = await Promise.all(messageKeys(missing).map(async (key) => ((await store.claimKey(principal.tenantId, key, existing.id)) === existing.id ? key : null)));
  const learned: MessageIds = {};
  for (const key of claimed) {
    if (key?.kind === 'message-id') learned.internetMessageId = key.value;
    if (key?.kind === 'tracking-id') learned.trackingId = key.value;
  }
  let current = existing;
  for (let attempt = 0; Object.keys(learned).length > 0 && attempt < 3; attempt += 1) {
    try {
      const { etag, ...record } = current;
      current = await store.replace({ ...record, ...learned, updatedAt: deps.now().toISOString(), updatedBy: principal.userId }, etag);
      break;
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'PRECONDITION_FAILED')) throw error;
      current = (await store.get(principal.tenantId, existing.id)) ?? current;
      if (Object.keys(missingMessageIds(current, learned)).length === 0) break;
    }
  }
  await recordOnTimelines(deps, trackedEmailHistoryEntry(current));
  return current;
}
