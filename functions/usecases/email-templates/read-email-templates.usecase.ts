import type { EmailTemplateListQuery } from '../../../shared/contracts/email-templates.contract';
import { assertCan } from '../../../shared/domain/access-policy';
import type { EmailTemplateRecord } from '../../../shared/domain/email-template';
import { MERGE_FIELDS, type MergeEntity } from '../../../shared/domain/mail-merge';
import type { Page, Versioned } from '../../../shared/domain/record';
import { searchTokens } from '../../../shared/domain/text-normalization';
import type { UseCaseCall } from '../usecase-context';
import { requireVisibleTemplate } from './template-access';

export function getEmailTemplate(call: UseCaseCall, id: string): Promise<Versioned<EmailTemplateRecord>> {
  assertCan(call.principal, 'read', 'emailTemplate');
  return requireVisibleTemplate(call, id);
}

/** The tenant's shared templates and the caller's personal ones, by name. */
export function listEmailTemplates({ deps, principal }: UseCaseCall, query: EmailTemplateListQuery): Promise<Page<Versioned<EmailTemplateRecord>>> {
  assertCan(principal, 'read', 'emailTemplate');
  const { limit, continuation, q, visibility } = query;
  return deps.stores.emailTemplates.listVisible(principal.tenantId, principal.userId, { visibility, keywords: q ? searchTokens(q) : undefined }, { limit, continuation });
}

/** The catalogue a template editor offers; the same for everyone (field rules apply when rendering). */
export function listMergeFields({ principal }: UseCaseCall): Array<{ field: string; label: string; entity: MergeEntity }> {
  assertCan(principal, 'read', 'emailTemplate');
  return MERGE_FIELDS.map(({ field, label, entity }) => ({ field, label, entity }));
}
