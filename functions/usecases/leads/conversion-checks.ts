/**
 * Everything a conversion can be refused for, checked before its first write, so a refused
 * conversion leaves nothing behind: rights, the chosen records, the deal's stage, duplicates.
 */
import { assertCan, assertCanSetOwner, type Entity } from '../../../shared/domain/access-policy';
import { contactEmailSet } from '../../../shared/domain/contact';
import { AppError } from '../../../shared/domain/errors';
import { isLive } from '../../../shared/domain/record';
import { canSee } from '../../../shared/domain/record-access';
import { normalizeEmail } from '../../../shared/domain/text-normalization';
import { findStage } from '../../../shared/domain/sales-stages';
import { loadStages } from '../opportunities/opportunity-rules';
import type { UseCaseCall } from '../usecase-context';
import type { ConversionPlan } from './conversion-plan';

function mayCreate({ principal }: UseCaseCall, entity: Entity, ownerId: string | undefined): void {
  assertCan(principal, 'create', entity);
  assertCanSetOwner(principal, entity, ownerId ?? principal.userId);
}

async function requireChosen(call: UseCaseCall, entity: 'account' | 'contact', id: string): Promise<void> {
  const { deps, principal, scope } = call;
  assertCan(principal, 'read', entity);
  const record = entity === 'account' ? await deps.stores.accounts.get(principal.tenantId, id) : await deps.stores.contacts.get(principal.tenantId, id);
  if (!record || !isLive(record) || !canSee(principal, scope, entity, record)) {
    throw new AppError('VALIDATION', `The chosen ${entity} does not exist.`, { issues: [{ field: `${entity}.existingId`, message: `no ${entity} with this id` }] });
  }
}

/** A fresh lead's deal starts in an open stage of the tenant's list. */
async function requireOpenStage(call: UseCaseCall, stageId: string): Promise<void> {
  const { stages } = await loadStages(call.deps, call.principal.tenantId);
  const stage = findStage(stages, stageId);
  const open = stages.filter((candidate) => candidate.kind === 'open').map((candidate) => candidate.id);
  if (!stage || stage.kind !== 'open') {
    throw new AppError('VALIDATION', `A converted lead's deal cannot start at "${stageId}".`, {
      issues: [{ field: 'opportunity.create.stage', message: `must be one of the open stages ${open.join(', ')}` }],
    });
  }
}

/**
 * A contact with one of the new contact's e-mails is most likely the same person: refuse, naming
 * the address and the contact, unless the caller insists. The contact an earlier attempt of this
 * very conversion created does not count.
 */
async function refuseDuplicateContact(call: UseCaseCall, emails: string[], newContactId: string): Promise<void> {
  const { deps, principal } = call;
  for (const [index, email] of emails.entries()) {
    const address = normalizeEmail(email);
    const ids = (await deps.stores.emailIndex.contactIdsFor(principal.tenantId, address)).filter((id) => id !== newContactId);
    const holders = ids.length ? await deps.stores.contacts.getMany(principal.tenantId, ids) : [];
    const existing = holders.find((contact) => isLive(contact) && contactEmailSet(contact).has(address));
    if (existing) {
      throw new AppError(
        'CONFLICT',
        `Contact ${existing.id} already has the address ${address}. Convert into it with contact.existingId, or send allowDuplicate: true to create another contact.`,
        { issues: [{ field: `contact.create.emails.${index}.address`, message: `already belongs to contact ${existing.id}` }] },
      );
    }
  }
}

export async function checkConversion(call: UseCaseCall, plan: ConversionPlan, allowDuplicate: boolean): Promise<void> {
  if ('create' in plan.account) mayCreate(call, 'account', plan.account.create.ownerId);
  else await requireChosen(call, 'account', plan.account.existingId);
  if ('create' in plan.contact) mayCreate(call, 'contact', plan.contact.create.ownerId);
  else await requireChosen(call, 'contact', plan.contact.existingId);
  if (plan.opportunity) {
    mayCreate(call, 'opportunity', plan.opportunity.ownerId);
    if (plan.opportunity.stage) await requireOpenStage(call, plan.opportunity.stage);
  }
  if ('create' in plan.contact && !allowDuplicate) {
    await refuseDuplicateContact(call, plan.contact.create.emails.map((email) => email.address), plan.contactId);
  }
}
