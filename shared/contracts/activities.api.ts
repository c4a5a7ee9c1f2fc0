/** PLACEHOLDER owned by the activities feature: replace wholesale. */
export const activityEndpoints = {} as const;
