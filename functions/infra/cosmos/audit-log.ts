/**
 * The audit trail in Cosmos: append-only entries per record, read newest first. Entries are
 * created, never replaced; writing an entry id twice is a no-op, so the change-feed repair of a
 * write that crashed before its audit entry can run any number of times.
 */
import type { Container, ItemDefinition } from '@azure/cosmos';
import type { AuditEntry } from '../../../shared/domain/audit';
import type { Page, PageRequest } from '../../../shared/domain/record';
import type { AuditTrail } from '../../../shared/domain/repositories';
import { statusCodeOf, toAppError } from './cosmos-errors';
import { partitionKeyOf } from './containers';
import { decodeCursor, encodeCursor, filterFingerprint } from './keyset-cursor';

type AuditDocument = ItemDefinition & AuditEntry & {
  recordKey: string;
  sortKey: string;
};

export class CosmosAuditLog implements AuditTrail {
  constructor(private readonly container: Container) {}

  async append(entry: AuditEntry): Promise<void> {
    const document: AuditDocument = { ...entry, recordKey: `${entry.entity}:${entry.recordId}`, sortKey: `${entry.at}\u0001${entry.id}` };
    try {
      await this.container.items.create(document);
    } catch (error) {
      if (statusCodeOf(error) !== 409) throw toAppError(error, 'writing the audit trail');
    }
  }

  async page(tenantId: string, entity: string, recordId: string, request: PageRequest): Promise<Page<AuditEntry>> {
    const recordKey = `${entity}:${recordId}`;
    const fingerprint = filterFingerprint({ audit: recordKey });
    const before = decodeCursor(request.continuation, fingerprint);
    const limit = Math.max(1, Math.min(200, Math.trunc(request.limit)));
    const where = ['c.tenantId = @tenantId', 'c.recordKey = @recordKey', ...(before === undefined ? [] : ['c.sortKey < @before'])];
    const parameters = [
      { name: '@tenantId', value: tenantId },
      { name: '@recordKey', value: recordKey },
      ...(before === undefined ? [] : [{ name: '@before', value: before }]),
    ];
    try {
      const { resources } = await this.container.items
        .query<AuditDocument>({ query: `SELECT TOP ${limit + 1} * FROM c WHERE ${where.join(' AND ')} ORDER BY c.sortKey DESC`, parameters }, { partitionKey: partitionKeyOf(tenantId) })
        .fetchAll();
      const items = resources.slice(0, limit);
      const last = items[items.length - 1];
      return {
        items: items.map(({ id, tenantId: tenant, entity: kind, recordId: record, action, at, actorId, changes }) => ({ id, tenantId: tenant, entity: kind, recordId: record, action, at, actorId, changes })),
        continuation: resources.length > limit && last ? encodeCursor(last.sortKey, fingerprint) : null,
      };
    } catch (error) {
      throw toAppError(error, 'reading the audit trail');
    }
  }
}
