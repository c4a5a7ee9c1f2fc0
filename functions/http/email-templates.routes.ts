/** E-mail templates over HTTP: parse, call the use case, map. */
import { api } from '../../shared/contracts/api.contract';
import type { EmailTemplate } from '../../shared/contracts/email-templates.contract';
import type { EmailTemplateRecord } from '../../shared/domain/email-template';
import { mergeFieldsOf } from '../../shared/domain/mail-merge';
import type { Versioned } from '../../shared/domain/record';
import { createEmailTemplate } from '../usecases/email-templates/create-email-template.usecase';
import { deleteEmailTemplate } from '../usecases/email-templates/delete-email-template.usecase';
import { getEmailTemplate, listEmailTemplates, listMergeFields } from '../usecases/email-templates/read-email-templates.usecase';
import { renderEmailTemplate } from '../usecases/email-templates/render-email-template.usecase';
import { updateEmailTemplate } from '../usecases/email-templates/update-email-template.usecase';
import { bind, callOf, type EndpointBinding } from './endpoint-binding';
import { toHttpEtag } from './http-pipeline';
import { toPage } from './record-mappers';

/** `mergeFields` is derived on the way out, so it always follows the parser, never a stale stored copy. */
export function toEmailTemplate(record: Versioned<EmailTemplateRecord>): EmailTemplate {
  const { tenantId: _tenantId, deletedAt: _deletedAt, etag, ...fields } = record;
  return { ...fields, mergeFields: mergeFieldsOf(record.subject, record.html), etag: toHttpEtag(etag) };
}

function versioned(record: Versioned<EmailTemplateRecord>, created = false) {
  return { body: toEmailTemplate(record), etag: record.etag, ...(created ? { headers: { Location: `/api/email-templates/${record.id}` } } : {}) };
}

export const emailTemplateRoutes: EndpointBinding[] = [
  bind(api.listEmailTemplates, async (input) => ({ body: toPage(await listEmailTemplates(callOf(input), input.query), toEmailTemplate) })),
  bind(api.createEmailTemplate, async (input) => versioned(await createEmailTemplate(callOf(input), input.body), true)),
  // A literal route: the hosts rank it above email-templates/{id} whatever the order here.
  bind(api.listMergeFields, async (input) => ({ body: { items: listMergeFields(callOf(input)) } })),
  bind(api.getEmailTemplate, async (input) => versioned(await getEmailTemplate(callOf(input), input.params.id))),
  bind(api.updateEmailTemplate, async (input) => versioned(await updateEmailTemplate(callOf(input), input.params.id, input.body, input.ifMatch))),
  bind(api.deleteEmailTemplate, async (input) => {
    await deleteEmailTemplate(callOf(input), input.params.id, input.ifMatch);
    return {};
  }),
  bind(api.renderEmailTemplate, async (input) => {
    const call = callOf(input);
    return { body: await renderEmailTemplate(call, input.params.id, input.body, await input.services.fieldPolicy(call.principal)) };
  }),
];
