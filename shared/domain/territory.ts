/**
 * Sales territories: named slices of the market defined by criteria on the account (country,
 * region, postcode prefix, industry, size), each worked by its assignees. An account belongs
 * to the first territory, in the tenant's order, whose criteria it meets.
 */
import { foldText } from './text-normalization';

export const ACCOUNT_SIZES = ['1-10', '11-50', '51-200', '201-1000', '1001-5000', '5000+'] as const;
export type AccountSize = (typeof ACCOUNT_SIZES)[number];

export interface TerritoryCriteria {
  countries?: string[];
  regions?: string[];
  postcodePrefixes?: string[];
  industries?: string[];
  sizes?: AccountSize[];
}

export interface Territory {
  id: string;
  name: string;
  criteria: TerritoryCriteria;
  /** Users who work the territory's accounts. */
  assigneeIds: string[];
}

export interface TerritoryFacts {
  address?: { country?: string; region?: string; postalCode?: string };
  industry?: string;
  size?: AccountSize;
}

/** Each listed criterion must hold; an empty or absent list does not restrict. Text compares folded. */
export function meetsCriteria(account: TerritoryFacts, criteria: TerritoryCriteria): boolean {
  const inList = (value: string | undefined, list: string[] | undefined) =>
    !list?.length || (value !== undefined && list.some((item) => foldText(item) === foldText(value)));
  const postcode = account.address?.postalCode?.replace(/\s+/g, '').toUpperCase();
  const prefixOk =
    !criteria.postcodePrefixes?.length ||
    (postcode !== undefined && criteria.postcodePrefixes.some((prefix) => postcode.startsWith(prefix.replace(/\s+/g, '').toUpperCase())));
  return (
    inList(account.address?.country, criteria.countries) &&
    inList(account.address?.region, criteria.regions) &&
    prefixOk &&
    inList(account.industry, criteria.industries) &&
    (!criteria.sizes?.length || (account.size !== undefined && criteria.sizes.includes(account.size)))
  );
}

export function territoryFor(account: TerritoryFacts, territories: readonly Territory[]): string | undefined {
  return territories.find((territory) => meetsCriteria(account, territory.criteria))?.id;
}

export function territoryListIssues(territories: readonly Territory[]): Array<{ field: string; message: string }> {
  const issues: Array<{ field: string; message: string }> = [];
  const ids = new Set<string>();
  territories.forEach((territory, index) => {
    if (ids.has(territory.id)) issues.push({ field: `territories.${index}.id`, message: 'is used by another territory' });
    ids.add(territory.id);
    const { countries, regions, postcodePrefixes, industries, sizes } = territory.criteria;
    if (![countries, regions, postcodePrefixes, industries, sizes].some((list) => list?.length)) {
      issues.push({ field: `territories.${index}.criteria`, message: 'must restrict at least one of countries, regions, postcodePrefixes, industries, sizes' });
    }
  });
  return issues;
}
