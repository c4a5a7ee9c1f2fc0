/**
 * Import jobs in Cosmos. Not a RecordStore: a job is rewritten after every batch of rows, and an
 * audit entry per batch (diffing the error lists) would bury the trail of the records themselves,
 * which the create use cases audit. Same rules otherwise: tenant partition, ETags, keyset pages.
 */
import type { Container, ItemDefinition, SqlParameter } from '@azure/cosmos';
import { AppError } from '../../../shared/domain/errors';
import type { ImportJobRecord, ImportJobRepository } from '../../../shared/domain/import-job';
import type { Page, PageRequest, Versioned } from '../../../shared/domain/record';
import { partitionKeyOf } from './containers';
import { statusCodeOf, toAppError } from './cosmos-errors';
import { decodeCursor, encodeCursor, filterFingerprint } from './keyset-cursor';

const SYSTEM_FIELDS = ['_rid', '_self', '_etag', '_attachments', '_ts', '_lsn', 'sortKey'];
/** Newest first with an ascending index: the sort key counts down from a far date. */
const FAR_FUTURE_MS = 9_999_999_999_999;

export function importJobSortKey(job: Pick<ImportJobRecord, 'createdAt' | 'id'>): string {
  const countdown = FAR_FUTURE_MS - Date.parse(job.createdAt);
  return `${String(countdown).padStart(13, '0')}\u0001${job.id}`;
}

export class CosmosImportJobRepository implements ImportJobRepository {
  constructor(private readonly container: Container) {}

  async get(tenantId: string, id: string): Promise<Versioned<ImportJobRecord> | null> {
    try {
      const { resource } = await this.container.item(id, partitionKeyOf(tenantId)).read<ItemDefinition>();
      return resource && resource.tenantId === tenantId ? fromDocument(resource) : null;
    } catch (error) {
      if (statusCodeOf(error) === 404) return null;
      throw toAppError(error, 'reading an import job');
    }
  }

  async getMany(tenantId: string, ids: string[]): Promise<Array<Versioned<ImportJobRecord>>> {
    const found = await Promise.all([...new Set(ids)].map((id) => this.get(tenantId, id)));
    return found.filter((job): job is Versioned<ImportJobRecord> => job !== null);
  }

  async create(record: ImportJobRecord): Promise<Versioned<ImportJobRecord>> {
    try {
      const { resource } = await this.container.items.create(toDocument(record));
      return fromDocument(required(resource));
    } catch (error) {
      throw toAppError(error, 'creating an import job');
    }
  }

  async replace(record: ImportJobRecord, etag: string): Promise<Versioned<ImportJobRecord>> {
    try {
      const { resource } = await this.container
        .item(record.id, partitionKeyOf(record.tenantId))
        .replace(toDocument(record), { accessCondition: { type: 'IfMatch', condition: etag } });
      return fromDocument(required(resource));
    } catch (error) {
      throw toAppError(error, 'saving an import job');
    }
  }

  async listByOwner(tenantId: string, ownerId: string, request: PageRequest): Promise<Page<Versioned<ImportJobRecord>>> {
    const fingerprint = filterFingerprint({ ownerId });
    const after = decodeCursor(request.continuation, fingerprint);
    const limit = Math.max(1, Math.min(200, Math.trunc(request.limit)));
    const where = ['c.tenantId = @tenantId', 'c.ownerId = @ownerId', 'c.deletedAt = null'];
    const parameters: SqlParameter[] = [
      { name: '@tenantId', value: tenantId },
      { name: '@ownerId', value: ownerId },
    ];
    if (after !== undefined) {
      where.push('c.sortKey > @after');
      parameters.push({ name: '@after', value: after });
    }
    const query = `SELECT TOP ${limit + 1} * FROM c WHERE ${where.join(' AND ')} ORDER BY c.sortKey`;
    let documents: ItemDefinition[];
    try {
      ({ resources: documents } = await this.container.items.query<ItemDefinition>({ query, parameters }, { partitionKey: partitionKeyOf(tenantId) }).fetchAll());
    } catch (error) {
      throw toAppError(error, 'listing import jobs');
    }
    const items = documents.slice(0, limit).filter((document) => document.tenantId === tenantId);
    const last = items[items.length - 1];
    return { items: items.map(fromDocument), continuation: documents.length > limit && last ? encodeCursor(String(last.sortKey), fingerprint) : null };
  }
}

function toDocument(record: ImportJobRecord): ItemDefinition {
  // A version read earlier must not be stored as a field; the store keeps its own `_etag`.
  const { etag: _etag, ...fields } = record as ImportJobRecord & { etag?: string };
  // No `entity` marker as other containers have: the job's own `entity` field (contact/account) holds that name.
  return { ...fields, sortKey: importJobSortKey(record) };
}

function fromDocument(document: ItemDefinition): Versioned<ImportJobRecord> {
  if (typeof document._etag !== 'string') throw new AppError('INTERNAL', 'The database returned an import job without an ETag.');
  const record: Record<string, unknown> = { ...document };
  for (const field of SYSTEM_FIELDS) delete record[field];
  return { ...(record as unknown as ImportJobRecord), etag: document._etag };
}

function required(resource: ItemDefinition | undefined): ItemDefinition {
  if (!resource) throw new AppError('INTERNAL', 'The database acknowledged a write without returning the import job.');
  return resource;
}
