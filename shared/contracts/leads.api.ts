/** PLACEHOLDER owned by the leads feature: replace wholesale. */
export const leadEndpoints = {} as const;
