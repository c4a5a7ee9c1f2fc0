/** PLACEHOLDER owned by the leads feature: replace wholesale. */
export type LeadStores = Record<string, never>;
