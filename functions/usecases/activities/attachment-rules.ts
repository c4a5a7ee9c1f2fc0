/**
 * Attachments: the file goes to Blob storage under `<tenant>/<activity>/<attachment>`, its metadata
 * onto the activity (under the activity's ETag). Invariant: metadata never points to a missing
 * blob. The blob is written before the metadata and removed after it; a failure in between
 * leaves an orphan blob, which nothing references and a maintenance job can prune.
 */
import type { ActivityRecord, AttachmentMeta } from '../../../shared/domain/activity';
import { AppError } from '../../../shared/domain/errors';
import type { Versioned } from '../../../shared/domain/record';
import { loadForChange } from '../record-guards';
import type { UseCaseCall, UseCaseDeps } from '../usecase-context';

export async function currentVersion({ deps, principal, scope }: UseCaseCall, id: string, ifMatch: string | undefined): Promise<Versioned<ActivityRecord>> {
  const current = await loadForChange({ principal, scope }, 'update', 'activity', deps.stores.activities, id, ifMatch);
  return current;
}

export function requireAttachment(activity: ActivityRecord, attachmentId: string): AttachmentMeta {
  const found = activity.attachments.find((attachment) => attachment.id === attachmentId);
  if (!found) throw new AppError('NOT_FOUND', 'No attachment with this id on this activity.');
  return found;
}

/** Best effort: an orphan blob is harmless, and the caller needs the error that stopped the request, not this one. */
export async function discardBlob(deps: UseCaseDeps, name: string): Promise<void> {
  await deps.files.attachments.delete(name).catch(() => undefined);
}
