/**
 * Tracked e-mails in Cosmos, beside the key documents that find them: one small document per
 * (tenant, message key) naming the tracking it points at, read with a point read. Both kinds
 * live in the tracked-emails container, told apart by `kind`; nothing walks it without a kind.
 */
import { createHash } from 'node:crypto';
import type { Container, Database, ItemDefinition } from '@azure/cosmos';
import { AppError } from '../../../shared/domain/errors';
import type { Versioned } from '../../../shared/domain/record';
import { messageKeyText, type MessageKey, type TrackedEmailRecord, type TrackedEmailRepository } from '../../../shared/domain/tracked-email';
import { CONTAINERS, partitionKeyOf } from './containers';
import { statusCodeOf, toAppError } from './cosmos-errors';

const RECORD_KIND = 'tracked-email';
const KEY_KIND = 'message-key';

interface KeyDocument extends ItemDefinition {
  id: string;
  tenantId: string;
  kind: typeof KEY_KIND;
  key: string;
  trackedEmailId: string;
}

/** Message ids may hold characters Cosmos ids cannot ('/', '#', '?'): the id carries a hash of the key. */
function keyDocumentId(tenantId: string, key: MessageKey): string {
  return `mk-${createHash('sha256').update(`${tenantId}\n${messageKeyText(key)}`).digest('base64url')}`;
}

const STORAGE_FIELDS = ['_rid', '_self', '_etag', '_attachments', '_ts', 'kind'];

class CosmosTrackedEmailRepository implements TrackedEmailRepository {
  constructor(private readonly container: Container) {}

  async get(tenantId: string, id: string): Promise<Versioned<TrackedEmailRecord> | null> {
    const document = await this.read(tenantId, id, 'reading a tracked e-mail');
    return document?.kind === RECORD_KIND ? fromDocument(document) : null;
  }

  async create(record: TrackedEmailRecord): Promise<Versioned<TrackedEmailRecord>> {
    try {
      const { resource } = await this.container.items.create({ ...record, kind: RECORD_KIND });
      return fromDocument(requireResource(resource));
    } catch (error) {
      throw toAppError(error, 'tracking an e-mail');
    }
  }

  async replace(record: TrackedEmailRecord, etag: string): Promise<Versioned<TrackedEmailRecord>> {
    try {
      const { resource } = await this.container
        .item(record.id, partitionKeyOf(record.tenantId))
        .replace({ ...record, kind: RECORD_KIND }, { accessCondition: { type: 'IfMatch', condition: etag } });
      return fromDocument(requireResource(resource));
    } catch (error) {
      throw toAppError(error, 'saving a tracked e-mail');
    }
  }

  async idForKey(tenantId: string, key: MessageKey): Promise<string | null> {
    const document = await this.read(tenantId, keyDocumentId(tenantId, key), 'looking up a tracked e-mail');
    return document?.kind === KEY_KIND ? String(document.trackedEmailId) : null;
  }

  async claimKey(tenantId: string, key: MessageKey, trackedEmailId: string): Promise<string> {
    const document: KeyDocument = { id: keyDocumentId(tenantId, key), tenantId, kind: KEY_KIND, key: messageKeyText(key), trackedEmailId };
    // A key released between our failed create and our read is simply claimed again.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      try {
        await this.container.items.create(document);
        return trackedEmailId;
      } catch (error) {
        if (statusCodeOf(error) !== 409) throw toAppError(error, 'claiming a message key');
      }
      const holder = await this.idForKey(tenantId, key);
      if (holder) return holder;
    }
    throw new AppError('TEMPORARY', 'This message is being tracked by several requests at once; try again.');
  }

  async releaseKey(tenantId: string, key: MessageKey, trackedEmailId: string): Promise<void> {
    const id = keyDocumentId(tenantId, key);
    const current = await this.read(tenantId, id, 'releasing a message key');
    if (current?.kind !== KEY_KIND || current.trackedEmailId !== trackedEmailId) return;
    try {
      await this.container.item(id, partitionKeyOf(tenantId)).delete({ accessCondition: { type: 'IfMatch', condition: String(current._etag) } });
    } catch (error) {
      // Gone already or taken over: either way it no longer points at this tracking.
      if (statusCodeOf(error) !== 404 && statusCodeOf(error) !== 412) throw toAppError(error, 'releasing a message key');
    }
  }

  /** The document of this tenant with this id, or undefined (another tenant's is treated as absent). */
  private async read(tenantId: string, id: string, context: string): Promise<ItemDefinition | undefined> {
    try {
      const { resource } = await this.container.item(id, partitionKeyOf(tenantId)).read<ItemDefinition>();
      return resource?.tenantId === tenantId ? resource : undefined;
    } catch (error) {
      if (statusCodeOf(error) === 404) return undefined;
      throw toAppError(error, context);
    }
  }
}

function fromDocument(document: ItemDefinition): Versioned<TrackedEmailRecord> {
  if (typeof document._etag !== 'string') throw new AppError('INTERNAL', 'A tracked e-mail came back without an ETag.');
  const record: Record<string, unknown> = { ...document };
  for (const field of STORAGE_FIELDS) delete record[field];
  return { ...(record as unknown as TrackedEmailRecord), etag: document._etag };
}

function requireResource(resource: ItemDefinition | undefined): ItemDefinition {
  if (!resource) throw new AppError('INTERNAL', 'The database acknowledged a write without returning the record.');
  return resource;
}

export function createTrackedEmailRepository(database: Database): TrackedEmailRepository {
  return new CosmosTrackedEmailRepository(database.container(CONTAINERS.trackedEmails));
}
