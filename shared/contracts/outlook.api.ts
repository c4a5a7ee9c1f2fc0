/** PLACEHOLDER, filled in by the Outlook context work. */
export const outlookEndpoints = {} as const;
