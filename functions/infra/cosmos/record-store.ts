/**
 * Tenant-scoped storage of one entity in one container: point reads, optimistic writes with
 * ETags, and keyset-paged queries. Entity repositories add their filters on top.
 */
import { randomUUID } from 'node:crypto';
import type { Container, ItemDefinition, SqlParameter } from '@azure/cosmos';
import { auditActionOf, diffRecords, type AuditEntry } from '../../../shared/domain/audit';
import { AppError } from '../../../shared/domain/errors';
import type { Page, PageRequest, RecordBase, RecordChange, SyncPosition, Versioned } from '../../../shared/domain/record';
import { statusCodeOf, toAppError } from './cosmos-errors';
import { CosmosAuditLog } from './audit-log';
import { CONTAINERS, partitionKeyOf } from './containers';
import { decodeCursor, encodeCursor, filterFingerprint } from './keyset-cursor';

/** Fields the store adds for sorting and search; never part of the domain record. */
export interface DerivedFields {
  sortKey: string;
  searchText: string;
}

const SYSTEM_FIELDS = ['_rid', '_self', '_etag', '_attachments', '_ts', '_lsn', 'sortKey', 'searchText', 'entity', 'lastChange'];

export interface QueryClause {
  sql: string;
  parameters?: SqlParameter[];
}

export class RecordStore<T extends RecordBase> {
  private readonly audit: CosmosAuditLog;

  constructor(
    private readonly container: Container,
    private readonly entity: string,
    private readonly derive: (record: T) => DerivedFields,
  ) {
    // Every entity stored through a RecordStore is audited; the trail sits beside it in the same database.
    this.audit = new CosmosAuditLog(container.database.container(CONTAINERS.audit));
  }

  async get(tenantId: string, id: string): Promise<Versioned<T> | null> {
    try {
      const { resource } = await this.container.item(id, partitionKeyOf(tenantId)).read<ItemDefinition>();
      return resource ? this.fromDocument(resource, tenantId) : null;
    } catch (error) {
      if (statusCodeOf(error) === 404) return null;
      throw toAppError(error, `reading a ${this.entity}`);
    }
  }

  async getMany(tenantId: string, ids: string[]): Promise<Array<Versioned<T>>> {
    const unique = [...new Set(ids)];
    const found: Array<Versioned<T> | null> = await Promise.all(unique.map((id) => this.get(tenantId, id)));
    return found.filter((record): record is Versioned<T> => record !== null);
  }

  async create(record: T): Promise<Versioned<T>> {
    const change = this.auditEntry(undefined, record);
    let saved: Versioned<T>;
    try {
      const { resource } = await this.container.items.create({ ...this.toDocument(record), lastChange: change });
      saved = this.fromDocument(requireResource(resource), record.tenantId);
    } catch (error) {
      throw toAppError(error, `creating a ${this.entity}`);
    }
    await this.audit.append(change);
    return saved;
  }

  /**
   * Writes under If-Match. The previous version is read first: a stale ETag fails before any
   * write, and the audit entry holds the exact field changes. The entry also travels in the
   * document (`lastChange`), so a crash before the audit write is repaired from the change feed.
   */
  async replace(record: T, etag: string, known?: Versioned<T>): Promise<Versioned<T>> {
    // The caller usually read the record to check its version; reuse that read for the audit diff.
    const previous = known && known.etag === etag && known.id === record.id ? known : await this.get(record.tenantId, record.id);
    if (!previous) throw new AppError('NOT_FOUND', `The ${this.entity} does not exist.`);
    if (previous.etag !== etag) throw new AppError('PRECONDITION_FAILED', `The ${this.entity} was changed by someone else since you read it.`);
    const change = this.auditEntry(previous, record);
    let saved: Versioned<T>;
    try {
      const { resource } = await this.container
        .item(record.id, partitionKeyOf(record.tenantId))
        .replace({ ...this.toDocument(record), lastChange: change }, { accessCondition: { type: 'IfMatch', condition: etag } });
      saved = this.fromDocument(requireResource(resource), record.tenantId);
    } catch (error) {
      throw toAppError(error, `saving a ${this.entity}`);
    }
    if (change.changes.length > 0 || change.action !== 'update') await this.audit.append(change);
    return saved;
  }

  private auditEntry(previous: Versioned<T> | undefined, record: T): AuditEntry {
    return {
      id: randomUUID(),
      tenantId: record.tenantId,
      entity: this.entity,
      recordId: record.id,
      action: auditActionOf(previous, record),
      at: record.updatedAt,
      actorId: record.updatedBy,
      changes: diffRecords(previous as Record<string, unknown> | undefined, record as unknown as Record<string, unknown>),
    };
  }

  /** Live records matching every clause, in sort-key order, one page after the cursor. */
  async page(tenantId: string, clauses: QueryClause[], filter: unknown, request: PageRequest): Promise<Page<Versioned<T>>> {
    const fingerprint = filterFingerprint(filter);
    const after = decodeCursor(request.continuation, fingerprint);
    const where = ['c.tenantId = @tenantId', 'c.deletedAt = null', ...clauses.map((clause) => clause.sql)];
    const parameters: SqlParameter[] = [{ name: '@tenantId', value: tenantId }, ...clauses.flatMap((clause) => clause.parameters ?? [])];
    if (after !== undefined) {
      where.push('c.sortKey > @after');
      parameters.push({ name: '@after', value: after });
    }
    const limit = Math.max(1, Math.min(200, Math.trunc(request.limit)));
    const query = `SELECT TOP ${limit + 1} * FROM c WHERE ${where.join(' AND ')} ORDER BY c.sortKey`;
    const documents = await this.query(tenantId, query, parameters);
    const items = documents.slice(0, limit);
    const last = items[items.length - 1];
    const hasMore = documents.length > limit && last !== undefined;
    return {
      items: items.map((document) => this.fromDocument(document, tenantId)),
      continuation: hasMore ? encodeCursor(String(last.sortKey), fingerprint) : null,
    };
  }

  /**
   * Records changed (tombstones included) after `after`, in (_ts, id) order, up to `settledBefore`
   * (exclusive, in `_ts` seconds) so a write still landing in the current second is never skipped.
   */
  async changesSince(tenantId: string, after: SyncPosition | undefined, settledBefore: number, limit: number): Promise<Array<RecordChange<T>>> {
    const from = after ?? { ts: 0, id: '' };
    const query =
      `SELECT TOP ${Math.trunc(limit)} * FROM c WHERE c.tenantId = @tenantId AND c._ts < @settled ` +
      'AND (c._ts > @ts OR (c._ts = @ts AND c.id > @id)) ORDER BY c._ts, c.id';
    const documents = await this.query(tenantId, query, [
      { name: '@tenantId', value: tenantId },
      { name: '@settled', value: settledBefore },
      { name: '@ts', value: from.ts },
      { name: '@id', value: from.id },
    ]);
    return documents.map((document) => ({ record: this.fromDocument(document, tenantId), position: { ts: Number(document._ts), id: String(document.id) } }));
  }

  /** Live records matching the clauses, at most `limit`, for background jobs. */
  async find(tenantId: string, clauses: QueryClause[], limit: number): Promise<Array<Versioned<T>>> {
    const where = ['c.tenantId = @tenantId', 'c.deletedAt = null', ...clauses.map((clause) => clause.sql)];
    const parameters: SqlParameter[] = [{ name: '@tenantId', value: tenantId }, ...clauses.flatMap((clause) => clause.parameters ?? [])];
    const documents = await this.query(tenantId, `SELECT TOP ${Math.trunc(limit)} * FROM c WHERE ${where.join(' AND ')}`, parameters);
    return documents.map((document) => this.fromDocument(document, tenantId));
  }

  private async query(tenantId: string, query: string, parameters: SqlParameter[]): Promise<ItemDefinition[]> {
    try {
      const { resources } = await this.container.items
        .query<ItemDefinition>({ query, parameters }, { partitionKey: partitionKeyOf(tenantId) })
        .fetchAll();
      return resources;
    } catch (error) {
      throw toAppError(error, `listing ${this.entity}s`);
    }
  }

  private toDocument(record: T): ItemDefinition {
    return { ...record, ...this.derive(record), entity: this.entity };
  }

  /** Strips storage fields; a document of another tenant is treated as absent (defence in depth). */
  private fromDocument(document: ItemDefinition, tenantId: string): Versioned<T> {
    if (document.tenantId !== tenantId || typeof document._etag !== 'string') {
      throw new AppError('NOT_FOUND', `The ${this.entity} does not exist.`);
    }
    const record: Record<string, unknown> = { ...document };
    for (const field of SYSTEM_FIELDS) delete record[field];
    if (record.etag !== undefined) delete record.etag;
    return { ...(record as T), etag: document._etag };
  }
}

function requireResource(resource: ItemDefinition | undefined): ItemDefinition {
  if (!resource) throw new AppError('INTERNAL', 'The database acknowledged a write without returning the record.');
  return resource;
}

/**
 * A repository whose records live in one RecordStore: reads, writes and the change walk are the
 * store's; subclasses add their entity's list filters.
 */
export abstract class StoreBackedRepository<T extends RecordBase> {
  protected readonly store: RecordStore<T>;

  constructor(container: Container, entity: string, derive: (record: T) => DerivedFields) {
    this.store = new RecordStore<T>(container, entity, derive);
  }

  get(tenantId: string, id: string): Promise<Versioned<T> | null> {
    return this.store.get(tenantId, id);
  }

  getMany(tenantId: string, ids: string[]): Promise<Array<Versioned<T>>> {
    return this.store.getMany(tenantId, ids);
  }

  create(record: T): Promise<Versioned<T>> {
    return this.store.create(record);
  }

  replace(record: T, etag: string, previous?: Versioned<T>): Promise<Versioned<T>> {
    return this.store.replace(record, etag, previous);
  }

  changesSince(tenantId: string, after: SyncPosition | undefined, settledBefore: number, limit: number): Promise<Array<RecordChange<T>>> {
    return this.store.changesSince(tenantId, after, settledBefore, limit);
  }
}
