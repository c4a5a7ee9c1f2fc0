import type { Container, ItemDefinition } from '@azure/cosmos';
import { AppError } from '../../../shared/domain/errors';
import { DEFAULT_FIELD_RULES, type FieldRule } from '../../../shared/domain/field-security';
import type { FieldRuleRepository } from '../../../shared/domain/repositories';
import { partitionKeyOf } from './containers';
import { statusCodeOf, toAppError } from './cosmos-errors';

interface FieldRulesDocument extends ItemDefinition {
  id: string;
  tenantId: string;
  rules: FieldRule[];
  updatedAt: string;
  updatedBy: string;
}

/** One settings document per tenant; its id carries the tenant so ids stay unique across tenants. */
function documentId(tenantId: string): string {
  return `field-rules-${tenantId}`;
}

export class CosmosFieldRuleRepository implements FieldRuleRepository {
  constructor(private readonly container: Container) {}

  async get(tenantId: string): Promise<{ rules: FieldRule[]; etag: string | null }> {
    try {
      const { resource } = await this.container.item(documentId(tenantId), partitionKeyOf(tenantId)).read<FieldRulesDocument>();
      if (resource?.tenantId === tenantId && resource._etag) return { rules: resource.rules, etag: resource._etag };
    } catch (error) {
      if (statusCodeOf(error) !== 404) throw toAppError(error, 'reading field rules');
    }
    return { rules: [...DEFAULT_FIELD_RULES], etag: null };
  }

  async save(tenantId: string, rules: FieldRule[], etag: string | null, actorId: string): Promise<{ rules: FieldRule[]; etag: string }> {
    const document: FieldRulesDocument = { id: documentId(tenantId), tenantId, rules, updatedAt: new Date().toISOString(), updatedBy: actorId };
    try {
      const { resource } = etag
        ? await this.container.item(document.id, partitionKeyOf(tenantId)).replace(document, { accessCondition: { type: 'IfMatch', condition: etag } })
        : await this.container.items.create(document);
      if (!resource?._etag) throw new AppError('INTERNAL', 'The database saved the field rules without an ETag.');
      return { rules: resource.rules, etag: resource._etag };
    } catch (error) {
      // Saving over the defaults while someone else saved first is the same conflict as a stale ETag.
      if (statusCodeOf(error) === 409) throw new AppError('PRECONDITION_FAILED', 'Someone saved field rules meanwhile. Reload them, then apply your change again.');
      throw toAppError(error, 'saving field rules');
    }
  }
}
