/** PLACEHOLDER owned by the groups feature: replace wholesale. */
export const groupEndpoints = {} as const;
