/** E-mail templates with merge fields, as the API speaks them (the Outlook compose pane inserts them). */
import { z } from 'zod';
import { TEMPLATE_VISIBILITIES, unsafeHtmlIssues } from '../domain/email-template';
import { MERGE_ENTITIES, mergeSyntaxIssues } from '../domain/mail-merge';
import { Keyword, PageQuery, RecordId, RecordMeta, RequiredText, ShortText, pageOf } from './common';

export const MAX_TEMPLATE_HTML = 100_000;

const Visibility = z
  .enum(TEMPLATE_VISIBILITIES, { message: `must be one of ${TEMPLATE_VISIBILITIES.join(', ')}` })
  .meta({ description: "'shared': everyone in the organisation may use it (published by administrators, sales managers and marketing); 'personal': yours alone." });

const MERGE_SYNTAX =
  'Merge fields: {{contact.firstName}}, with an optional fallback {{contact.firstName | there}}; see GET /api/email-templates/merge-fields. ' +
  'Every {{ must form one; no brace may stand in a fallback.';

/**
 * Active content is refused, naming `html`: the template goes into e-mails people open. So is a
 * `{{` that is no merge field (it would reach the reader raw), and a merge field where a value
 * could add attributes: inside a tag it belongs in a quoted attribute value.
 */
const TemplateHtml = z
  .string()
  .max(MAX_TEMPLATE_HTML, { message: `must be at most ${MAX_TEMPLATE_HTML} characters` })
  .refine((html) => html.trim() !== '', { message: 'is required' })
  .superRefine((html, context) => {
    for (const message of [...unsafeHtmlIssues(html), ...mergeSyntaxIssues(html, 'html')]) context.addIssue({ code: 'custom', message });
  })
  .meta({
    description: `The body, HTML without scripts, frames, objects, forms, event handlers or javascript: URLs. ${MERGE_SYNTAX} Inside a tag, a merge field goes in a quoted attribute value (alt="{{account.name}}"), never into styles (a style attribute or a <style> element).`,
  });

const Subject = ShortText(400)
  .superRefine((subject, context) => {
    for (const message of mergeSyntaxIssues(subject, 'text')) context.addIssue({ code: 'custom', message });
  })
  .meta({ description: `Plain text. ${MERGE_SYNTAX}` });

export const EmailTemplateCreate = z
  .strictObject({
    name: RequiredText(120),
    subject: Subject.default(''),
    html: TemplateHtml,
    visibility: Visibility.default('personal'),
    description: ShortText(500).optional(),
  })
  .meta({ id: 'EmailTemplateCreate' });
export type EmailTemplateCreate = z.infer<typeof EmailTemplateCreate>;

export const EmailTemplateUpdate = z
  .strictObject({
    name: RequiredText(120).optional(),
    subject: Subject.optional(),
    html: TemplateHtml.optional(),
    visibility: Visibility.optional(),
    description: ShortText(500).nullable().optional(),
  })
  .meta({ id: 'EmailTemplateUpdate', description: 'Merge-patch: absent fields stay, null clears the description.' });
export type EmailTemplateUpdate = z.infer<typeof EmailTemplateUpdate>;

export const EmailTemplate = RecordMeta.extend({
  name: z.string(),
  subject: z.string(),
  html: z.string(),
  description: z.string().optional(),
  visibility: Visibility,
  ownerId: z.string(),
  mergeFields: z.array(z.string()).meta({ description: 'The distinct merge fields the subject and body use, in order of first use (unknown ones as written).' }),
}).meta({ id: 'EmailTemplate' });
export type EmailTemplate = z.infer<typeof EmailTemplate>;

export const EmailTemplateListQuery = z.strictObject({
  q: Keyword.optional().meta({ description: 'Keywords matched against the name and subject; every word must match.' }),
  visibility: Visibility.optional(),
  ...PageQuery,
});
export type EmailTemplateListQuery = z.infer<typeof EmailTemplateListQuery>;

export const EmailTemplatePage = pageOf(EmailTemplate).meta({ id: 'EmailTemplatePage' });

export const MergeFieldInfo = z
  .object({ field: z.string(), label: z.string(), entity: z.enum(MERGE_ENTITIES) })
  .meta({ id: 'MergeFieldInfo', description: "`user` is the sender: whoever renders the template." });

export const MergeFieldList = z.object({ items: z.array(MergeFieldInfo) }).meta({ id: 'MergeFieldList' });
export type MergeFieldList = z.infer<typeof MergeFieldList>;

export const EmailTemplateRenderRequest = z
  .strictObject({
    contactId: RecordId.meta({ description: 'The recipient; their account fills the account fields.' }),
    opportunityId: RecordId.optional().meta({ description: 'The deal the e-mail is about; without it opportunity fields are missing.' }),
  })
  .meta({ id: 'EmailTemplateRenderRequest' });
export type EmailTemplateRenderRequest = z.infer<typeof EmailTemplateRenderRequest>;

export const MergeFieldStatus = z.enum(['resolved', 'fallback', 'missing', 'unknown']);

export const RenderedEmail = z
  .object({
    subject: z.string(),
    html: z.string().meta({
      description:
        'Values HTML-escaped for where they stand; a missing value without fallback, an unknown field, or a {{ that is no merge field (in a template saved before those were refused) is a highlighted <span data-merge-field data-merge-status> marker, plain text inside a tag.',
    }),
    text: z.string().meta({ description: 'The plain-text alternative of the body, markers as [Label].' }),
    fields: z
      .array(z.object({ field: z.string(), status: MergeFieldStatus }))
      .meta({ description: 'Each field used, once; a field both with and without fallback reports missing when it had no value; a {{ that is no merge field reports unknown, under the name it seems to mean.' }),
  })
  .meta({ id: 'RenderedEmail' });
export type RenderedEmail = z.infer<typeof RenderedEmail>;
