import { createHash } from 'node:crypto';
import type { AttachmentCreate } from '../../../shared/contracts/activities.contract';
import type { ActivityRecord, AttachmentMeta } from '../../../shared/domain/activity';
import { assertAcceptableAttachment, attachmentBlobName, baseContentType } from '../../../shared/domain/activity-attachment';
import { AppError, type ErrorCode } from '../../../shared/domain/errors';
import type { Versioned } from '../../../shared/domain/record';
import { stamp } from '../record-guards';
import type { UseCaseCall } from '../usecase-context';
import { currentVersion, discardBlob } from './attachment-rules';

const DEFINITELY_NOT_WRITTEN = new Set<ErrorCode>(['PRECONDITION_FAILED', 'NOT_FOUND', 'PAYLOAD_TOO_LARGE']);

/** Blob first, metadata second (see attachment-rules.ts). */
export async function addAttachment(
  call: UseCaseCall,
  id: string,
  input: AttachmentCreate,
  ifMatch: string | undefined,
): Promise<{ activity: Versioned<ActivityRecord>; attachment: AttachmentMeta }> {
  const { deps, principal } = call;
  const current = await currentVersion(call, id, ifMatch);
  const data = Buffer.from(input.contentBase64, 'base64');
  assertAcceptableAttachment(input.contentType, data, current.attachments.length);
  const now = deps.now();
  const attachment: AttachmentMeta = {
    id: deps.newId(),
    fileName: input.fileName,
    contentType: baseContentType(input.contentType),
    size: data.length,
    sha256: createHash('sha256').update(data).digest('hex'),
    uploadedAt: now.toISOString(),
    uploadedBy: principal.userId,
  };
  const blobName = attachmentBlobName(principal.tenantId, id, attachment.id);
  await deps.files.attachments.put(blobName, data, attachment.contentType);
  const { etag: _etag, ...record } = current;
  try {
    const activity = await deps.stores.activities.replace({ ...record, attachments: [...record.attachments, attachment], ...stamp(principal, now) }, current.etag);
    return { activity, attachment };
  } catch (error) {
    // Only a definite refusal proves the metadata was not written; after a timeout it may have been, and then the blob must stay.
    if (error instanceof AppError && DEFINITELY_NOT_WRITTEN.has(error.code)) await discardBlob(deps, blobName);
    throw error;
  }
}
