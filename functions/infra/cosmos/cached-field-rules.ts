/**
 * Field rules are read on every request and change rarely: keep each tenant's for a few seconds.
 * A save through this process is seen at once; another instance's save within CACHE_MS.
 */
import type { FieldRule } from '../../../shared/domain/field-security';
import type { FieldRuleRepository } from '../../../shared/domain/repositories';

const CACHE_MS = 15_000;

export class CachedFieldRules implements FieldRuleRepository {
  private readonly cache = new Map<string, { at: number; value: Promise<{ rules: FieldRule[]; etag: string | null }> }>();

  constructor(private readonly inner: FieldRuleRepository) {}

  /** Just the rules, from the cache when fresh. */
  async rulesOf(tenantId: string): Promise<FieldRule[]> {
    return (await this.get(tenantId)).rules;
  }

  get(tenantId: string): Promise<{ rules: FieldRule[]; etag: string | null }> {
    const hit = this.cache.get(tenantId);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
    const value = this.inner.get(tenantId);
    this.cache.set(tenantId, { at: Date.now(), value });
    value.catch(() => this.cache.delete(tenantId)); // a failed read is not remembered
    return value;
  }

  async save(tenantId: string, rules: FieldRule[], etag: string | null, actorId: string): Promise<{ rules: FieldRule[]; etag: string }> {
    this.cache.delete(tenantId);
    const saved = await this.inner.save(tenantId, rules, etag, actorId);
    this.cache.delete(tenantId);
    return saved;
  }
}
