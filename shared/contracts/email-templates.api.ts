/** PLACEHOLDER, filled in by the e-mail templates work. */
export const emailTemplateEndpoints = {} as const;
