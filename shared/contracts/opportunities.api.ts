/** PLACEHOLDER owned by the opportunities feature: replace wholesale. */
export const opportunityEndpoints = {} as const;
