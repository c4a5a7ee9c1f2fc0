/** PLACEHOLDER owned by the competitors feature: replace wholesale. */
export type CompetitorStores = Record<string, never>;
