/** PLACEHOLDER owned by the import/export feature: replace wholesale. */
export const importEndpoints = {} as const;
