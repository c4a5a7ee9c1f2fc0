import type { ActivityRecord } from '../../../shared/domain/activity';
import { attachmentBlobName } from '../../../shared/domain/activity-attachment';
import type { Versioned } from '../../../shared/domain/record';
import { stamp } from '../record-guards';
import type { UseCaseCall } from '../usecase-context';
import { currentVersion, discardBlob, requireAttachment } from './attachment-rules';

/** Metadata first, blob second (see attachment-rules.ts). */
export async function removeAttachment(call: UseCaseCall, id: string, attachmentId: string, ifMatch: string | undefined): Promise<Versioned<ActivityRecord>> {
  const { deps, principal } = call;
  const current = await currentVersion(call, id, ifMatch);
  requireAttachment(current, attachmentId);
  const { etag: _etag, ...record } = current;
  const remaining = record.attachments.filter((attachment) => attachment.id !== attachmentId);
  const activity = await deps.stores.activities.replace({ ...record, attachments: remaining, ...stamp(principal, deps.now()) }, current.etag);
  // The user's request is done once the metadata is gone; a blob left by a failure here is an orphan.
  await discardBlob(deps, attachmentBlobName(principal.tenantId, id, attachmentId));
  return activity;
}
