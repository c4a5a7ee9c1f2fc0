/**
 * What the server library cannot be told through its API, passed to it per request.
 *
 * `@vercel/cosmosdb-server` has no persistence hook and its query route drops the partition
 * key header. Rather than patch its files, we wrap two methods of its `Items` class once per
 * process and let each request carry, in an AsyncLocalStorage scope, the journal that should
 * record its changes and the partition its queries are limited to. Hooking `Items` (not the
 * HTTP routes) records the resulting state of every write path: create, upsert, replace,
 * patch, delete, batch and database/collection create/replace/delete all end in `_set` or
 * `delete` there. Outside a request scope (restoring from disk) nothing is recorded.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import Documents from '@vercel/cosmosdb-server/lib/account/documents';
import Items from '@vercel/cosmosdb-server/lib/account/items';
import type ItemObject from '@vercel/cosmosdb-server/lib/account/item-object';
import type Item from '@vercel/cosmosdb-server/lib/account/item';
import { locate, type AnyItems, type ChangeLocation, type StateChange } from './account-state';

export interface Journal {
  /** Called synchronously, right after the change is applied in memory, so log order is apply order. */
  append(change: StateChange): void;
}

/** Limits document queries to one logical partition; `value` undefined means "no partition key" ({} in the header). */
export interface PartitionFilter {
  value: unknown;
}

export interface RequestScope {
  journal?: Journal;
  partition?: PartitionFilter;
}

export const requestScope = new AsyncLocalStorage<RequestScope>();

let installed = false;

/** Idempotent; affects every server in the process, but each request only reports to its own journal. */
export function installServerHooks(): void {
  if (installed) return;
  installed = true;
  hookWrites();
  hookDocumentQueries();
}

function hookWrites(): void {
  const proto = Items.prototype as AnyItems;
  const originalSet = proto._set;
  const originalDelete = proto.delete;
  proto._set = function (this: AnyItems, data: ItemObject): ItemObject {
    partitionViews.delete(this);
    const result = originalSet.call(this, data);
    record(this, (where) => ({ op: 'put', ...where, ridCount: this._ridCount, data: result }));
    return result;
  };
  proto.delete = function (this: AnyItems, idOrRid: string, partition: unknown): void {
    partitionViews.delete(this);
    const existing = requestScope.getStore()?.journal ? this._item('/id', idOrRid, partition).read() : undefined;
    originalDelete.call(this, idOrRid, partition);
    if (existing) record(this, (where) => ({ op: 'delete', ...where, rid: existing._rid }));
  };
}

function record(items: AnyItems, build: (where: ChangeLocation) => StateChange): void {
  const journal = requestScope.getStore()?.journal;
  if (!journal) return;
  const where = locate(items);
  if (where) journal.append(build(where));
}

/**
 * Each collection's documents grouped by partition value, built on the first partitioned query
 * after a write and reused until the next write: rebuilding the grouping per query cost as much
 * as the query itself on large collections.
 */
const partitionViews = new WeakMap<object, Map<unknown, Map<string, unknown>>>();

function viewsOf(documents: Documents): Map<unknown, Map<string, unknown>> {
  const cached = partitionViews.get(documents);
  if (cached) return cached;
  const views = new Map<unknown, Map<string, unknown>>();
  for (const [rid, item] of documents._data) {
    const value = documents._getPartition(item.read());
    let view = views.get(value);
    if (!view) views.set(value, (view = new Map()));
    view.set(rid, item);
  }
  partitionViews.set(documents, views);
  return views;
}

/**
 * The server runs every query over the whole collection. When the request names a partition,
 * show the (synchronous) query only that partition's documents by swapping in its view.
 */
function hookDocumentQueries(): void {
  const originalQuery = Items.prototype.query;
  Documents.prototype.query = function (this: Documents, ...args: Parameters<Items<Item, Item>['query']>): unknown {
    const filter = requestScope.getStore()?.partition;
    if (!filter) return originalQuery.apply(this, args);
    const all = this._data;
    const view = (viewsOf(this).get(filter.value) ?? new Map()) as typeof all;
    this._data = view;
    try {
      return originalQuery.apply(this, args);
    } finally {
      this._data = all;
    }
  };
}

/** Reads `x-ms-documentdb-partitionkey` (a JSON array; `[{}]` is the SDK's "none" key). Hierarchical keys use the first path, as the server does. */
export function partitionFilterFrom(header: string | string[] | undefined): PartitionFilter | undefined {
  const raw = Array.isArray(header) ? header[0] : header;
  if (raw === undefined || raw === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return undefined; // the server's own parser answers malformed headers
  }
  const first: unknown = Array.isArray(parsed) ? parsed[0] : parsed;
  if (Array.isArray(parsed) && parsed.length === 0) return undefined;
  const isNone = typeof first === 'object' && first !== null && Object.keys(first).length === 0;
  return { value: isNone ? undefined : first };
}
