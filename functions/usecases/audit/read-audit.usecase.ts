import { assertCan, type Entity } from '../../../shared/domain/access-policy';
import type { AuditEntry } from '../../../shared/domain/audit';
import { AppError } from '../../../shared/domain/errors';
import type { FieldPolicy } from '../../../shared/domain/field-security';
import type { Page, PageRequest } from '../../../shared/domain/record';
import type { UseCaseCall } from '../usecase-context';

/**
 * A record's trail, deleted records included (their trail is the point); never another
 * tenant's. Changes of fields hidden from the caller are left out, values and all.
 */
export async function readAudit(
  { deps, principal }: UseCaseCall,
  fields: FieldPolicy,
  entity: Extract<Entity, 'account' | 'contact'>,
  id: string,
  page: PageRequest,
): Promise<Page<AuditEntry>> {
  assertCan(principal, 'audit', entity);
  const store = entity === 'account' ? deps.stores.accounts : deps.stores.contacts;
  if (!(await store.get(principal.tenantId, id))) throw new AppError('NOT_FOUND', `No ${entity} with this id.`);
  const trail = await deps.stores.audit.page(principal.tenantId, entity, id, page);
  const hidden = fields.hidden(entity);
  return { ...trail, items: trail.items.map((entry) => ({ ...entry, changes: entry.changes.filter((change) => !hidden.has(change.field)) })) };
}
