/**
 * What both merges share: loading the two records with the rights and version checks, and the
 * closing steps (timeline, tombstone). A merge is resumable: the survivor's write records the
 * duplicate's id (`mergedFrom`) and the duplicate's tombstone comes last, so a retry after a
 * crash finds where the first attempt stopped.
 */
import { assertCan } from '../../../shared/domain/access-policy';
import { AppError } from '../../../shared/domain/errors';
import type { TimelineEntity } from '../../../shared/domain/history';
import { isLive, type RecordBase, type Versioned } from '../../../shared/domain/record';
import { canSee } from '../../../shared/domain/record-access';
import { recordOnTimelines } from '../history/record-on-timelines';
import { requireCurrentVersion, requireIfMatch, requireWritable } from '../record-guards';
import type { UseCaseCall } from '../usecase-context';
import { marksOf } from './merge-fields';

type MergeEntity = 'account' | 'contact';
type Owned = RecordBase & { ownerId: string };

export interface MergePair<T> {
  survivor: Versioned<T>;
  duplicate: Versioned<T>;
  /** `fresh`: nothing done yet; `resume`: the survivor is merged, the rest may not be; `done`: all done before. */
  state: 'fresh' | 'resume' | 'done';
}

/** Only someone who may change both records merges them; the If-Match is the survivor's. */
export async function loadMergePair<T extends Owned>(
  call: UseCaseCall,
  entity: MergeEntity,
  read: (id: string) => Promise<Versioned<T> | null>,
  ids: { survivorId: string; duplicateId: string },
  ifMatch: string | undefined,
): Promise<MergePair<T>> {
  const { principal, scope } = call;
  assertCan(principal, 'update', entity);
  assertCan(principal, 'delete', entity);
  const etag = requireIfMatch(ifMatch);
  if (ids.survivorId === ids.duplicateId) {
    throw new AppError('VALIDATION', `A ${entity} cannot be merged into itself.`, { issues: [{ field: 'duplicateId', message: `must be another ${entity} than the one kept` }] });
  }
  const survivor = requireWritable(call, await read(ids.survivorId), entity);
  const found = await read(ids.duplicateId);
  if (found && !isLive(found) && marksOf(found).mergedInto === survivor.id) return { survivor, duplicate: found, state: 'done' };
  if (!found || !isLive(found) || !canSee(principal, scope, entity, found)) {
    throw new AppError('VALIDATION', `The duplicate ${entity} does not exist.`, { issues: [{ field: 'duplicateId', message: `no ${entity} with this id` }] });
  }
  const duplicate = requireWritable(call, found, entity);
  if (marksOf(survivor).mergedFrom.includes(duplicate.id)) return { survivor, duplicate, state: 'resume' };
  requireCurrentVersion(survivor, etag, entity);
  return { survivor, duplicate, state: 'fresh' };
}

/** The ids the survivor has absorbed, this one included. */
export function absorbed(survivor: object, duplicateId: string): string[] {
  return [...new Set([...marksOf(survivor).mergedFrom, duplicateId])];
}

/** The duplicate's timeline onto the survivor's, and a line saying what was merged. */
export async function carryTimeline(call: UseCaseCall, entity: TimelineEntity & MergeEntity, survivorId: string, duplicate: { id: string; label: string }): Promise<void> {
  const { deps, principal } = call;
  const to = { entity, id: survivorId };
  await deps.stores.history.copyTimeline(principal.tenantId, { entity, id: duplicate.id }, to);
  await recordOnTimelines(deps, {
    id: `merge:${duplicate.id}`,
    tenantId: principal.tenantId,
    kind: 'status-change',
    occurredAt: deps.now().toISOString(),
    actorId: principal.userId,
    title: `Merged with duplicate ${duplicate.label}`,
    regarding: [to],
    source: { entity, id: duplicate.id },
    details: { mergedFrom: duplicate.id },
  });
}
