/**
 * One page of a record's append-only entries (timeline, audit trail), newest first: a keyset
 * page on `sortKey` descending, scoped to the tenant's partition and to one record's key.
 */
import type { Container, ItemDefinition } from '@azure/cosmos';
import type { PageRequest } from '../../../shared/domain/record';
import { toAppError } from './cosmos-errors';
import { partitionKeyOf } from './containers';
import { decodeCursor, encodeCursor, filterFingerprint } from './keyset-cursor';

export interface EntryDocument extends ItemDefinition {
  tenantId: string;
  sortKey: string;
}

export async function pageNewestFirst<D extends EntryDocument>(
  container: Container,
  tenantId: string,
  key: { field: 'timelineKey' | 'recordKey'; value: string },
  request: PageRequest,
): Promise<{ documents: D[]; continuation: string | null }> {
  const fingerprint = filterFingerprint({ [key.field]: key.value });
  const before = decodeCursor(request.continuation, fingerprint);
  const limit = Math.max(1, Math.min(200, Math.trunc(request.limit)));
  const where = ['c.tenantId = @tenantId', `c.${key.field} = @key`, ...(before === undefined ? [] : ['c.sortKey < @before'])];
  const parameters = [
    { name: '@tenantId', value: tenantId },
    { name: '@key', value: key.value },
    ...(before === undefined ? [] : [{ name: '@before', value: before }]),
  ];
  try {
    const { resources } = await container.items
      .query<D>({ query: `SELECT TOP ${limit + 1} * FROM c WHERE ${where.join(' AND ')} ORDER BY c.sortKey DESC`, parameters }, { partitionKey: partitionKeyOf(tenantId) })
      .fetchAll();
    const documents = resources.slice(0, limit).filter((document) => document.tenantId === tenantId);
    const last = documents[documents.length - 1];
    return { documents, continuation: resources.length > limit && last ? encodeCursor(last.sortKey, fingerprint) : null };
  } catch (error) {
    throw toAppError(error, `reading ${key.field === 'recordKey' ? 'the audit trail' : 'history'}`);
  }
}
