/** What every stored CRM record carries, whatever its entity. */
export interface RecordBase {
  id: string;
  tenantId: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  /** Tombstone: set on delete so sync and offline clients see the deletion. */
  deletedAt: string | null;
}

/** A record as read from the store, with the version to send back in If-Match. */
export type Versioned<T> = T & { etag: string };

export interface Page<T> {
  items: T[];
  /** Opaque; null on the last page. */
  continuation: string | null;
}

/** Where a sync reader is in an entity's changes: the last (store timestamp, id) it has seen. */
export interface SyncPosition {
  ts: number;
  id: string;
}

export interface RecordChange<T> {
  record: Versioned<T>;
  position: SyncPosition;
}

export interface PageRequest {
  limit: number;
  continuation?: string;
}

export function isLive(record: { deletedAt: string | null }): boolean {
  return record.deletedAt === null;
}
