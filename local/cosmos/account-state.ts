/**
 * The server's state as a stream of changes. Every container of resources in
 * `@vercel/cosmosdb-server` is an `Items` (databases, collections, documents, UDFs); a change
 * names which container by the rids of its parents, so it can be logged, snapshotted and
 * re-applied to a fresh `Account` with the same `_rid`, `_etag`, `_ts` and `_self`.
 */
import type Account from '@vercel/cosmosdb-server/lib/account';
import type Collection from '@vercel/cosmosdb-server/lib/account/collection';
import Collections from '@vercel/cosmosdb-server/lib/account/collections';
import type Database from '@vercel/cosmosdb-server/lib/account/database';
import Databases from '@vercel/cosmosdb-server/lib/account/databases';
import Documents from '@vercel/cosmosdb-server/lib/account/documents';
import type ItemObject from '@vercel/cosmosdb-server/lib/account/item-object';
import type Item from '@vercel/cosmosdb-server/lib/account/item';
import type Items from '@vercel/cosmosdb-server/lib/account/items';
import UserDefinedFunctions from '@vercel/cosmosdb-server/lib/account/user-defined-functions';

export type ResourceKind = 'database' | 'collection' | 'document' | 'udf';
/** Rids of the parents: [] for a database, [db] for a collection, [db, coll] for a document or UDF. */
export type ParentRids = string[];

export type StateChange =
  | { op: 'put'; kind: ResourceKind; parent: ParentRids; ridCount: number; data: ItemObject }
  | { op: 'delete'; kind: ResourceKind; parent: ParentRids; rid: string }
  /** Rid counters only grow, so rids of deleted resources are never handed out again. */
  | { op: 'counter'; kind: ResourceKind; parent: ParentRids; ridCount: number };

export type AnyItems = Items<Item, Item>;

/** Which container a change belongs to. */
export interface ChangeLocation {
  kind: ResourceKind;
  parent: ParentRids;
}

/** Where a container sits in the tree, or undefined for containers that are derived state (pkranges). */
export function locate(items: AnyItems): ChangeLocation | undefined {
  if (items instanceof Documents) return { kind: 'document', parent: collectionPath(items._parent) };
  if (items instanceof UserDefinedFunctions) return { kind: 'udf', parent: collectionPath(items._parent) };
  if (items instanceof Collections) return { kind: 'collection', parent: [items._parent.read()._rid] };
  if (items instanceof Databases) return { kind: 'database', parent: [] };
  return undefined;
}

function collectionPath(collection: Collection): ParentRids {
  // A collection's _self is `/dbs/<dbRid>/colls/<collRid>`; the Collection object has no link to its database.
  const [, , dbRid, , collRid] = collection.read()._self.split('/');
  if (!dbRid || !collRid) throw new Error(`unexpected collection _self: ${collection.read()._self}`);
  return [dbRid, collRid];
}

function container(account: Account, kind: ResourceKind, parent: ParentRids): AnyItems | undefined {
  if (kind === 'database') return account.databases as unknown as AnyItems;
  const database: Database | undefined = parent[0] === undefined ? undefined : account.databases._data.get(parent[0]);
  if (kind === 'collection') return database?.collections as unknown as AnyItems | undefined;
  const collection = parent[1] === undefined ? undefined : database?.collections._data.get(parent[1]);
  if (!collection) return undefined;
  return (kind === 'document' ? collection.documents : collection.userDefinedFunctions) as unknown as AnyItems;
}

/**
 * Re-applies one change. Idempotent: puts carry the whole resource and a delete of a missing
 * resource is a no-op, which lets a snapshot taken while writes continue be corrected by the log.
 */
export function applyChange(account: Account, change: StateChange): void {
  const items = container(account, change.kind, change.parent);
  if (!items) throw new Error(`log refers to a missing parent ${change.parent.join('/')} of a ${change.kind}`);
  if (change.op === 'delete') {
    const existing = items._data.get(change.rid)?.read();
    // Deleting through the public method also drops the id and unique-key index entries.
    if (existing) items.delete(existing.id, items._getPartition(existing));
    return;
  }
  items._ridCount = Math.max(items._ridCount, change.ridCount);
  if (change.op === 'put') {
    items._set(change.data);
    if (items instanceof UserDefinedFunctions) items.functions[change.data.id] = compileUdf(change.data);
  }
}

/** The server compiles UDF bodies the same way when they are created (it is a local test server). */
function compileUdf(data: ItemObject): unknown {
  return new Function(`"use strict";return (${String(data.body)})`)();
}

/**
 * The whole state as changes, parents before children. Taken synchronously; the resource
 * objects are shared, not copied (the server replaces them on write rather than mutating).
 */
export function captureState(account: Account): StateChange[] {
  const changes: StateChange[] = [];
  const add = (kind: ResourceKind, parent: ParentRids, items: AnyItems): void => {
    changes.push({ op: 'counter', kind, parent, ridCount: items._ridCount });
    for (const item of items._data.values()) {
      changes.push({ op: 'put', kind, parent, ridCount: items._ridCount, data: item.read() });
    }
  };
  add('database', [], account.databases as unknown as AnyItems);
  for (const database of account.databases._data.values()) {
    const dbRid = database.read()._rid;
    add('collection', [dbRid], database.collections as unknown as AnyItems);
    for (const collection of database.collections._data.values()) {
      const parent = [dbRid, collection.read()._rid];
      add('udf', parent, collection.userDefinedFunctions as unknown as AnyItems);
      add('document', parent, collection.documents as unknown as AnyItems);
    }
  }
  return changes;
}
