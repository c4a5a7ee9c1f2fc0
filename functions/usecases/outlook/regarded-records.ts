/** What an e-mail or a meeting is linked to must exist and be visible to the caller. */
import { can, type Entity } from '../../../shared/domain/access-policy';
import { AppError, type FieldIssue } from '../../../shared/domain/errors';
import type { RecordRef } from '../../../shared/domain/history';
import { isLive } from '../../../shared/domain/record';
import { canSee } from '../../../shared/domain/record-access';
import type { UseCaseCall } from '../usecase-context';

export interface RegardedIds {
  contactIds: string[];
  accountId?: string;
  opportunityId?: string;
}

const ENTITY: Record<RecordRef['entity'], Entity> = { account: 'account', contact: 'contact', opportunity: 'opportunity' };

async function visible({ deps, principal, scope }: UseCaseCall, ref: RecordRef): Promise<boolean> {
  if (!can(principal, 'read', ENTITY[ref.entity])) return false;
  const stores = { account: deps.stores.accounts, contact: deps.stores.contacts, opportunity: deps.stores.opportunities };
  const record = await stores[ref.entity].get(principal.tenantId, ref.id);
  return record !== null && isLive(record) && canSee(principal, scope, ref.entity, record);
}

/** The links as timeline references (contacts, then the account, then the opportunity); 400 naming each field that names nothing the caller may see. */
export async function requireRegardedRecords(call: UseCaseCall, ids: RegardedIds): Promise<RecordRef[]> {
  const links: Array<{ field: string; ref: RecordRef }> = [
    ...ids.contactIds.map((id, index) => ({ field: `contactIds.${index}`, ref: { entity: 'contact' as const, id } })),
    ...(ids.accountId ? [{ field: 'accountId', ref: { entity: 'account' as const, id: ids.accountId } }] : []),
    ...(ids.opportunityId ? [{ field: 'opportunityId', ref: { entity: 'opportunity' as const, id: ids.opportunityId } }] : []),
  ];
  // An invisible record is answered like a missing one, so its existence is not revealed.
  const found = await Promise.all(links.map((link) => visible(call, link.ref)));
  const issues: FieldIssue[] = links.filter((_link, index) => !found[index]).map((link) => ({ field: link.field, message: `no ${link.ref.entity} with this id` }));
  if (issues.length) throw new AppError('VALIDATION', `Link it to records that exist: check ${issues.map((issue) => issue.field).join(', ')}.`, { issues });
  return links.map((link) => link.ref);
}
