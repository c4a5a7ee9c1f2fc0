/** PLACEHOLDER owned by the catalog feature: replace wholesale. */
export const catalogEndpoints = {} as const;
