/**
 * A tenant's sales stages: one settings document in the tenant's partition of the settings
 * container, read by id (1 RU) and written under its ETag.
 */
import type { Container, ItemDefinition } from '@azure/cosmos';
import { z } from 'zod';
import { AppError } from '../../../shared/domain/errors';
import type { Versioned } from '../../../shared/domain/record';
import { STAGE_KINDS, type SalesStageSettings, type SalesStageSettingsRepository } from '../../../shared/domain/sales-stages';
import { statusCodeOf, toAppError } from './cosmos-errors';
import { partitionKeyOf } from './containers';

const KIND = 'sales-stages';

/** What is read back is checked too: a hand-edited document must not break every deal. */
const StoredSettings = z.object({
  tenantId: z.string(),
  kind: z.literal(KIND),
  stages: z.array(z.object({ id: z.string(), name: z.string(), probability: z.number(), kind: z.enum(STAGE_KINDS) })).min(1),
  updatedAt: z.string(),
  updatedBy: z.string(),
  _etag: z.string(),
});

/** Ids are unique across tenants, as every id of the database is. */
function documentId(tenantId: string): string {
  return `${KIND}.${tenantId}`;
}

export class CosmosSalesStageSettingsRepository implements SalesStageSettingsRepository {
  constructor(private readonly container: Container) {}

  async get(tenantId: string): Promise<Versioned<SalesStageSettings> | null> {
    let resource: ItemDefinition | undefined;
    try {
      ({ resource } = await this.container.item(documentId(tenantId), partitionKeyOf(tenantId)).read<ItemDefinition>());
    } catch (error) {
      if (statusCodeOf(error) === 404) return null;
      throw toAppError(error, 'reading the sales stages');
    }
    return resource ? fromDocument(resource, tenantId) : null;
  }

  async save(settings: SalesStageSettings, etag: string | undefined): Promise<Versioned<SalesStageSettings>> {
    const document = { id: documentId(settings.tenantId), kind: KIND, ...settings };
    try {
      const { resource } =
        etag === undefined
          ? await this.container.items.create(document)
          : await this.container.item(document.id, partitionKeyOf(settings.tenantId)).replace(document, { accessCondition: { type: 'IfMatch', condition: etag } });
      if (!resource) throw new AppError('INTERNAL', 'The database acknowledged a write without returning the settings.');
      return fromDocument(resource, settings.tenantId);
    } catch (error) {
      // Someone stored the first list while this caller still saw the defaults: a stale version too.
      if (etag === undefined && statusCodeOf(error) === 409) {
        throw new AppError('PRECONDITION_FAILED', 'The sales stages were changed by someone else since you read them. Reload them, then apply your change again.', { cause: error });
      }
      throw toAppError(error, 'saving the sales stages');
    }
  }
}

function fromDocument(document: ItemDefinition, tenantId: string): Versioned<SalesStageSettings> {
  const parsed = StoredSettings.safeParse(document);
  if (!parsed.success || parsed.data.tenantId !== tenantId) {
    throw new AppError('INTERNAL', 'The stored sales stages are not valid.', { cause: parsed.success ? undefined : parsed.error });
  }
  const { stages, updatedAt, updatedBy, _etag } = parsed.data;
  return { tenantId, stages, updatedAt, updatedBy, etag: _etag };
}
