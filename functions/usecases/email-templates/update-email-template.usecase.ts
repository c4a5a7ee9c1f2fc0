import type { EmailTemplateUpdate } from '../../../shared/contracts/email-templates.contract';
import { assertCan } from '../../../shared/domain/access-policy';
import { assertCanWriteTemplate, type EmailTemplateRecord } from '../../../shared/domain/email-template';
import type { Versioned } from '../../../shared/domain/record';
import { applyMergePatch } from '../merge-patch';
import { requireCurrentVersion, requireIfMatch, stamp } from '../record-guards';
import type { UseCaseCall } from '../usecase-context';
import { requireVisibleTemplate } from './template-access';

/** Merge-patch; the owner stays (sharing a template does not hand it over). */
export async function updateEmailTemplate(call: UseCaseCall, id: string, patch: EmailTemplateUpdate, ifMatch: string | undefined): Promise<Versioned<EmailTemplateRecord>> {
  assertCan(call.principal, 'update', 'emailTemplate');
  const etag = requireIfMatch(ifMatch);
  const current = await requireVisibleTemplate(call, id);
  assertCanWriteTemplate(call.principal, current, patch.visibility ?? current.visibility);
  requireCurrentVersion(current, etag, 'e-mail template');
  const { etag: _etag, ...record } = current;
  const next: EmailTemplateRecord = { ...applyMergePatch<EmailTemplateRecord>(record, patch), ...stamp(call.principal, call.deps.now()) };
  return call.deps.stores.emailTemplates.replace(next, current.etag, current);
}
