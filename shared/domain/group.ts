/** PLACEHOLDER owned by the groups feature: replace wholesale. */
export type GroupStores = Record<string, never>;
