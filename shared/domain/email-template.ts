/** E-mail templates: PLACEHOLDER, filled in by the e-mail templates work. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface EmailTemplateRepository {}
