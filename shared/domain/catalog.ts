/** PLACEHOLDER owned by the products/quotes/orders feature: replace wholesale. */
export type CatalogStores = Record<string, never>;
