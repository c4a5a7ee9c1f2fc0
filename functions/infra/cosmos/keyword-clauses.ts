import type { QueryClause } from './record-store';

/** Every keyword must appear in the record's search text (already folded by the domain). */
export function keywordClauses(keywords: string[] | undefined): QueryClause[] {
  return (keywords ?? []).map((keyword, index) => ({
    sql: `CONTAINS(c.searchText, @kw${index})`,
    parameters: [{ name: `@kw${index}`, value: keyword }],
  }));
}

/** Record-level access in a list: only records owned by one of these users (absent: no restriction). */
export function ownerClauses(ownerIds: string[] | undefined, keyAccountIds: string[] = []): QueryClause[] {
  if (!ownerIds) return [];
  if (keyAccountIds.length === 0) return [{ sql: 'ARRAY_CONTAINS(@visibleOwners, c.ownerId)', parameters: [{ name: '@visibleOwners', value: ownerIds }] }];
  // Deals of the key accounts the caller serves through a special-account team are visible too.
  return [
    {
      sql: '(ARRAY_CONTAINS(@visibleOwners, c.ownerId) OR ARRAY_CONTAINS(@keyAccounts, c.accountId))',
      parameters: [
        { name: '@visibleOwners', value: ownerIds },
        { name: '@keyAccounts', value: keyAccountIds },
      ],
    },
  ];
}
