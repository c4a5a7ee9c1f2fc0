/** E-mails tracked from Outlook: PLACEHOLDER, filled in by the Outlook context work. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TrackedEmailRepository {}
