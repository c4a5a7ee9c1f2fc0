import type { EmailTemplateCreate } from '../../../shared/contracts/email-templates.contract';
import { assertCan } from '../../../shared/domain/access-policy';
import { assertCanWriteTemplate, type EmailTemplateRecord } from '../../../shared/domain/email-template';
import type { Versioned } from '../../../shared/domain/record';
import { newRecordFields } from '../record-guards';
import type { UseCaseCall } from '../usecase-context';

/** The caller owns what they create; a shared template needs the right to publish templates. */
export async function createEmailTemplate({ deps, principal }: UseCaseCall, input: EmailTemplateCreate): Promise<Versioned<EmailTemplateRecord>> {
  assertCan(principal, 'create', 'emailTemplate');
  assertCanWriteTemplate(principal, undefined, input.visibility);
  const record: EmailTemplateRecord = {
    ...newRecordFields(deps, principal, principal.userId),
    name: input.name,
    subject: input.subject,
    html: input.html,
    visibility: input.visibility,
    ...(input.description ? { description: input.description } : {}),
  };
  return deps.stores.emailTemplates.create(record);
}
