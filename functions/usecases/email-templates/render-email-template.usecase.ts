/**
 * Renders a template for one recipient (and a deal): the records are read as the caller may read
 * them, and the caller's field rules decide which values appear. Nothing is stored or sent; the
 * Outlook pane puts the result into the message being composed.
 */
import type { EmailTemplateRenderRequest, RenderedEmail } from '../../../shared/contracts/email-templates.contract';
import { assertCan, can } from '../../../shared/domain/access-policy';
import type { AccountRecord } from '../../../shared/domain/account';
import { htmlToPlainText } from '../../../shared/domain/email-template';
import { AppError } from '../../../shared/domain/errors';
import type { FieldPolicy } from '../../../shared/domain/field-security';
import { combineFieldUses, mergeLookup, renderMergeTemplate } from '../../../shared/domain/mail-merge';
import { isLive } from '../../../shared/domain/record';
import { canSee } from '../../../shared/domain/record-access';
import { loadStages } from '../opportunities/opportunity-rules';
import { requireReadable } from '../record-guards';
import type { UseCaseCall } from '../usecase-context';
import { requireVisibleTemplate } from './template-access';

type RecordEntity = 'contact' | 'opportunity';

/** A record of the request the caller may not read answers 404 like a read, naming the field. */
async function readableOrNotFound<T>(read: () => Promise<T>, field: string, entity: RecordEntity): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'NOT_FOUND')) throw error;
    throw new AppError('NOT_FOUND', `No ${entity} you may see has this id.`, { issues: [{ field, message: `no ${entity} you may see has this id` }], cause: error });
  }
}

/** The recipient's company, else the deal's; one the caller may not see (or since deleted) leaves its fields missing. */
async function accountFor(call: UseCaseCall, accountId: string | undefined): Promise<AccountRecord | undefined> {
  if (!accountId || !can(call.principal, 'read', 'account')) return undefined;
  const account = await call.deps.stores.accounts.get(call.principal.tenantId, accountId);
  return account && isLive(account) && canSee(call.principal, call.scope, 'account', account) ? account : undefined;
}

export async function renderEmailTemplate(call: UseCaseCall, id: string, input: EmailTemplateRenderRequest, policy: FieldPolicy): Promise<RenderedEmail> {
  const { deps, principal } = call;
  const tenantId = principal.tenantId;
  assertCan(principal, 'read', 'emailTemplate');
  assertCan(principal, 'read', 'contact');
  if (input.opportunityId) assertCan(principal, 'read', 'opportunity');
  const { opportunityId } = input;
  const [template, contact, opportunity] = await Promise.all([
    requireVisibleTemplate(call, id),
    readableOrNotFound(async () => requireReadable(call, await deps.stores.contacts.get(tenantId, input.contactId), 'contact'), 'contactId', 'contact'),
    opportunityId
      ? readableOrNotFound(async () => requireReadable(call, await deps.stores.opportunities.get(tenantId, opportunityId), 'opportunity'), 'opportunityId', 'opportunity')
      : undefined,
  ]);
  // Another customer's deal must not be merged into this contact's e-mail; a contact without an account takes the deal's.
  if (opportunity && contact.accountId && opportunity.accountId !== contact.accountId) {
    throw new AppError('VALIDATION', "The deal is not one of this contact's account.", { issues: [{ field: 'opportunityId', message: "is not a deal of this contact's account" }] });
  }
  const [account, stages] = await Promise.all([accountFor(call, contact.accountId ?? opportunity?.accountId), opportunity ? loadStages(deps, tenantId) : undefined]);
  const lookup = mergeLookup(
    {
      contact,
      account,
      opportunity,
      stageNames: new Map(stages?.stages.map((stage) => [stage.id, stage.name])),
      sender: { displayName: principal.displayName, email: principal.email },
    },
    policy,
  );
  const subject = renderMergeTemplate(template.subject, lookup, 'text');
  const html = renderMergeTemplate(template.html, lookup, 'html');
  const text = renderMergeTemplate(htmlToPlainText(template.html), lookup, 'text');
  return { subject: subject.output, html: html.output, text: text.output, fields: combineFieldUses(subject.fields, html.fields) };
}
