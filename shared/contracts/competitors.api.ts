/** PLACEHOLDER owned by the competitors feature: replace wholesale. */
export const competitorEndpoints = {} as const;
