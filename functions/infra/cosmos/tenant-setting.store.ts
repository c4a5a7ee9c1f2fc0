/**
 * A tenant-wide setting kept as one document in the settings container (field rules, teams):
 * defaults until an admin saves one, saved under its ETag, cached briefly because every request
 * reads it. A save through this process is seen at once; another instance's after CACHE_MS.
 */
import type { Container, ItemDefinition } from '@azure/cosmos';
import { AppError } from '../../../shared/domain/errors';
import type { TenantSetting } from '../../../shared/domain/repositories';
import { partitionKeyOf } from './containers';
import { statusCodeOf, toAppError } from './cosmos-errors';

interface SettingDocument<T> extends ItemDefinition {
  id: string;
  tenantId: string;
  value: T;
  updatedAt: string;
  updatedBy: string;
}

const CACHE_MS = 15_000;

export class CosmosTenantSetting<T> implements TenantSetting<T> {
  private readonly cache = new Map<string, { at: number; value: Promise<{ value: T; etag: string | null }> }>();

  constructor(
    private readonly container: Container,
    private readonly name: string,
    private readonly defaults: () => T,
  ) {}

  get(tenantId: string): Promise<{ value: T; etag: string | null }> {
    const hit = this.cache.get(tenantId);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
    const value = this.read(tenantId);
    this.cache.set(tenantId, { at: Date.now(), value });
    value.catch(() => this.cache.delete(tenantId)); // a failed read is not remembered
    return value;
  }

  async save(tenantId: string, value: T, etag: string | null, actorId: string): Promise<{ value: T; etag: string }> {
    this.cache.delete(tenantId);
    const document: SettingDocument<T> = { id: this.documentId(tenantId), tenantId, value, updatedAt: new Date().toISOString(), updatedBy: actorId };
    try {
      const { resource } = etag
        ? await this.container.item(document.id, partitionKeyOf(tenantId)).replace(document, { accessCondition: { type: 'IfMatch', condition: etag } })
        : await this.container.items.create(document);
      if (!resource?._etag) throw new AppError('INTERNAL', `The database saved the ${this.name} without an ETag.`);
      return { value: resource.value, etag: resource._etag };
    } catch (error) {
      // Saving over the defaults while someone else saved first is the same conflict as a stale ETag.
      if (statusCodeOf(error) === 409) throw new AppError('PRECONDITION_FAILED', `Someone saved the ${this.name} meanwhile. Reload, then apply your change again.`);
      throw toAppError(error, `saving the ${this.name}`);
    } finally {
      this.cache.delete(tenantId);
    }
  }

  private async read(tenantId: string): Promise<{ value: T; etag: string | null }> {
    try {
      const { resource } = await this.container.item(this.documentId(tenantId), partitionKeyOf(tenantId)).read<SettingDocument<T>>();
      if (resource?.tenantId === tenantId && resource._etag) return { value: resource.value, etag: resource._etag };
    } catch (error) {
      if (statusCodeOf(error) !== 404) throw toAppError(error, `reading the ${this.name}`);
    }
    return { value: this.defaults(), etag: null };
  }

  /** The tenant in the id keeps ids unique across tenants. */
  private documentId(tenantId: string): string {
    return `${this.name}-${tenantId}`;
  }
}
