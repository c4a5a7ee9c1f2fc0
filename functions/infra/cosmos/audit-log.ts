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
import { pageNewestFirst } from './newest-first-page';

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
    const { documents, continuation } = await pageNewestFirst<AuditDocument>(this.container, tenantId, { field: 'recordKey', value: `${entity}:${recordId}` }, request);
    return {
      items: documents.map(({ id, tenantId: tenant, entity: kind, recordId: record, action, at, actorId, changes }) => ({ id, tenantId: tenant, entity: kind, recordId: record, action, at, actorId, changes })),
      continuation,
    };
  }

}
