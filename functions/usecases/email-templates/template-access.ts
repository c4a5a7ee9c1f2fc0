/** What every template use case reads first: a template the caller may see. */
import { canSeeTemplate, type EmailTemplateRecord } from '../../../shared/domain/email-template';
import { AppError } from '../../../shared/domain/errors';
import type { Versioned } from '../../../shared/domain/record';
import { requireLive } from '../record-guards';
import type { UseCaseCall } from '../usecase-context';

/** A live template the caller may see; someone else's personal template answers as if it did not exist. */
export async function requireVisibleTemplate({ deps, principal }: Pick<UseCaseCall, 'deps' | 'principal'>, id: string): Promise<Versioned<EmailTemplateRecord>> {
  const template = requireLive(await deps.stores.emailTemplates.get(principal.tenantId, id), 'e-mail template');
  if (!canSeeTemplate(principal, template)) throw new AppError('NOT_FOUND', 'No e-mail template with this id.');
  return template;
}
