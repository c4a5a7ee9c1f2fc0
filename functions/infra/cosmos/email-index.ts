/**
 * The sender-lookup index in Cosmos: one small document per tenant and normalised address,
 * read with one point read. Read-modify-write under the document's ETag, retried on a race.
 */
import { createHash } from 'node:crypto';
import type { Container, ItemDefinition } from '@azure/cosmos';
import { AppError } from '../../../shared/domain/errors';
import type { EmailIndex } from '../../../shared/domain/repositories';
import { normalizeEmail } from '../../../shared/domain/text-normalization';
import { partitionKeyOf } from './containers';
import { statusCodeOf, toAppError } from './cosmos-errors';

interface EmailIndexDocument extends ItemDefinition {
  id: string;
  tenantId: string;
  email: string;
  contactIds: string[];
}

const MAX_ATTEMPTS = 8;

/** Ids may not contain / \ ? #, and addresses may: hash them; the tenant keeps ids unique across tenants. */
export function emailIndexId(tenantId: string, email: string): string {
  return `em-${createHash('sha256').update(`${tenantId}\n${normalizeEmail(email)}`).digest('base64url')}`;
}

export class CosmosEmailIndex implements EmailIndex {
  constructor(private readonly container: Container) {}

  async contactIdsFor(tenantId: string, email: string): Promise<string[]> {
    const document = await this.read(tenantId, email);
    return document?.tenantId === tenantId ? document.contactIds : [];
  }

  add(tenantId: string, email: string, contactId: string): Promise<void> {
    return this.update(tenantId, email, (ids) => (ids.includes(contactId) ? null : [...ids, contactId]));
  }

  remove(tenantId: string, email: string, contactId: string): Promise<void> {
    return this.update(tenantId, email, (ids) => (ids.includes(contactId) ? ids.filter((id) => id !== contactId) : null));
  }

  async *entries(): AsyncIterable<{ tenantId: string; email: string; contactIds: string[] }> {
    const iterator = this.container.items.query<EmailIndexDocument>('SELECT * FROM c', { maxItemCount: 200 });
    try {
      while (iterator.hasMoreResults()) {
        const { resources } = await iterator.fetchNext();
        for (const document of resources ?? []) {
          yield { tenantId: document.tenantId, email: document.email, contactIds: document.contactIds };
        }
      }
    } catch (error) {
      throw toAppError(error, 'scanning the e-mail index');
    }
  }

  private async read(tenantId: string, email: string): Promise<EmailIndexDocument | undefined> {
    try {
      const { resource } = await this.container.item(emailIndexId(tenantId, email), partitionKeyOf(tenantId)).read<EmailIndexDocument>();
      return resource;
    } catch (error) {
      if (statusCodeOf(error) === 404) return undefined;
      throw toAppError(error, 'reading the e-mail index');
    }
  }

  /** `change` returns the new id list, or null when nothing needs writing. */
  private async update(tenantId: string, email: string, change: (ids: string[]) => string[] | null): Promise<void> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const current = await this.read(tenantId, email);
      const next = change(current?.contactIds ?? []);
      if (next === null) return;
      try {
        await this.write(tenantId, email, current, next);
        return;
      } catch (error) {
        const status = statusCodeOf(error);
        if (status !== 412 && status !== 409) throw toAppError(error, 'updating the e-mail index');
      }
    }
    throw new AppError('TEMPORARY', 'The e-mail index is being changed by many requests at once; try again.');
  }

  private async write(tenantId: string, email: string, current: EmailIndexDocument | undefined, contactIds: string[]): Promise<void> {
    const document: EmailIndexDocument = { id: emailIndexId(tenantId, email), tenantId, email: normalizeEmail(email), contactIds };
    if (!current) {
      await this.container.items.create(document);
    } else {
      const etag = current._etag;
      if (!etag) throw new AppError('INTERNAL', 'An e-mail index document came back without an ETag.');
      await this.container
        .item(document.id, partitionKeyOf(tenantId))
        .replace(document, { accessCondition: { type: 'IfMatch', condition: etag } });
    }
  }
}
