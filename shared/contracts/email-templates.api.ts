import { IdParams } from './common';
import {
  EmailTemplate,
  EmailTemplateCreate,
  EmailTemplateListQuery,
  EmailTemplatePage,
  EmailTemplateRenderRequest,
  EmailTemplateUpdate,
  MergeFieldList,
  RenderedEmail,
} from './email-templates.contract';
import { defineEndpoint } from './endpoint';

export const emailTemplateEndpoints = {
  listEmailTemplates: defineEndpoint({
    id: 'listEmailTemplates', method: 'GET', path: 'email-templates', tag: 'email-templates', auth: 'user', status: 200,
    summary: "The organisation's shared templates and your personal ones, by name, filtered by keywords (name, subject) and visibility.",
    query: EmailTemplateListQuery, response: EmailTemplatePage, errors: [403],
  }),
  createEmailTemplate: defineEndpoint({
    id: 'createEmailTemplate', method: 'POST', path: 'email-templates', tag: 'email-templates', auth: 'user', status: 201, etag: true,
    summary: 'Saves a template (personal by default; shared ones by administrators, sales managers and marketing). HTML with active content is refused.',
    body: EmailTemplateCreate, response: EmailTemplate, errors: [403, 413, 415],
  }),
  listMergeFields: defineEndpoint({
    id: 'listMergeFields', method: 'GET', path: 'email-templates/merge-fields', tag: 'email-templates', auth: 'user', status: 200,
    summary: 'The merge fields a template may use, with their labels: what a template editor offers.',
    response: MergeFieldList, errors: [403],
  }),
  getEmailTemplate: defineEndpoint({
    id: 'getEmailTemplate', method: 'GET', path: 'email-templates/{id}', tag: 'email-templates', auth: 'user', status: 200, etag: true,
    summary: "Reads a shared template, or one of your personal ones (someone else's personal template answers 404).",
    params: IdParams, response: EmailTemplate, errors: [403, 404],
  }),
  updateEmailTemplate: defineEndpoint({
    id: 'updateEmailTemplate', method: 'PATCH', path: 'email-templates/{id}', tag: 'email-templates', auth: 'user', status: 200, etag: true, ifMatch: true,
    summary: 'Changes the given fields of a template (merge-patch); changing a shared template or sharing one needs the right to publish templates.',
    params: IdParams, body: EmailTemplateUpdate, response: EmailTemplate, errors: [403, 404, 412, 428],
  }),
  deleteEmailTemplate: defineEndpoint({
    id: 'deleteEmailTemplate', method: 'DELETE', path: 'email-templates/{id}', tag: 'email-templates', auth: 'user', status: 204, ifMatch: true,
    summary: 'Deletes a template (a tombstone).', params: IdParams, errors: [403, 404, 412, 428],
  }),
  renderEmailTemplate: defineEndpoint({
    id: 'renderEmailTemplate', method: 'POST', path: 'email-templates/{id}/render', tag: 'email-templates', auth: 'user', status: 200,
    summary:
      'Fills the merge fields for a contact (and a deal) you may see, as your field rules allow: subject, HTML and plain text, with the status of each field. ' +
      'Nothing is stored or sent.',
    params: IdParams, body: EmailTemplateRenderRequest, response: RenderedEmail, errors: [403, 404, 413, 415],
  }),
} as const;
