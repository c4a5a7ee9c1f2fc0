import { assertCan, type Entity } from '../../../shared/domain/access-policy';
import type { AuditEntry } from '../../../shared/domain/audit';
import { AppError } from '../../../shared/domain/errors';
import type { Page, PageRequest } from '../../../shared/domain/record';
import type { UseCaseCall } from '../usecase-context';

/** A record's trail, deleted records included (their trail is the point); never another tenant's. */
export async function readAudit({ deps, principal }: UseCaseCall, entity: Extract<Entity, 'account' | 'contact'>, id: string, page: PageRequest): Promise<Page<AuditEntry>> {
  assertCan(principal, 'audit', entity);
  const store = entity === 'account' ? deps.stores.accounts : deps.stores.contacts;
  if (!(await store.get(principal.tenantId, id))) throw new AppError('NOT_FOUND', `No ${entity} with this id.`);
  return deps.stores.audit.page(principal.tenantId, entity, id, page);
}
