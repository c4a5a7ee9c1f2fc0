import { assertCan } from '../../../shared/domain/access-policy';
import { assertCanWriteTemplate } from '../../../shared/domain/email-template';
import { requireCurrentVersion, requireIfMatch, stamp } from '../record-guards';
import type { UseCaseCall } from '../usecase-context';
import { requireVisibleTemplate } from './template-access';

/** Soft delete: the tombstone stays for sync and offline clients; e-mails already written keep their text. */
export async function deleteEmailTemplate(call: UseCaseCall, id: string, ifMatch: string | undefined): Promise<void> {
  assertCan(call.principal, 'delete', 'emailTemplate');
  const etag = requireIfMatch(ifMatch);
  const current = await requireVisibleTemplate(call, id);
  assertCanWriteTemplate(call.principal, current, current.visibility);
  requireCurrentVersion(current, etag, 'e-mail template');
  const { etag: _etag, ...record } = current;
  const now = call.deps.now();
  await call.deps.stores.emailTemplates.replace({ ...record, ...stamp(call.principal, now), deletedAt: now.toISOString() }, current.etag, current);
}
