import { assertCan } from '../../../shared/domain/access-policy';
import type { AttachmentMeta } from '../../../shared/domain/activity';
import { attachmentBlobName } from '../../../shared/domain/activity-attachment';
import { AppError } from '../../../shared/domain/errors';
import { requireReadable } from '../record-guards';
import type { UseCaseCall } from '../usecase-context';
import { requireAttachment } from './attachment-rules';

export async function readAttachment({ deps, principal, scope }: UseCaseCall, id: string, attachmentId: string): Promise<AttachmentMeta & { content: Buffer }> {
  assertCan(principal, 'read', 'activity');
  const activity = requireReadable({ principal, scope }, await deps.stores.activities.get(principal.tenantId, id), 'activity');
  const attachment = requireAttachment(activity, attachmentId);
  const blob = await deps.files.attachments.get(attachmentBlobName(principal.tenantId, id, attachmentId));
  if (!blob) throw new AppError('INTERNAL', `The blob of attachment ${attachmentId} is missing although its metadata exists.`);
  return { ...attachment, content: blob.data };
}
