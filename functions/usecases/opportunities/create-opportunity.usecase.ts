import type { OpportunityCreate } from '../../../shared/contracts/opportunities.contract';
import { assertCan, assertCanSetOwner } from '../../../shared/domain/access-policy';
import { AppError } from '../../../shared/domain/errors';
import { enterStage, withProbability, type OpportunityRecord } from '../../../shared/domain/opportunity';
import type { Versioned } from '../../../shared/domain/record';
import { firstOpenStage } from '../../../shared/domain/sales-stages';
import { applyMergePatch } from '../merge-patch';
import { withDealCompetitors, withLostTo } from '../competitors/deal-competitors';
import type { UseCaseCall } from '../usecase-context';
import { dealMoney } from './opportunity-products';
import { loadStages, requireAccount, requireContact, requireStage } from './opportunity-rules';

/** A new deal enters its first stage like any later move, so its stage history starts at creation. */
export async function createOpportunity({ deps, principal }: UseCaseCall, input: OpportunityCreate): Promise<Versioned<OpportunityRecord>> {
  assertCan(principal, 'create', 'opportunity');
  const ownerId = input.ownerId ?? principal.userId;
  assertCanSetOwner(principal, 'opportunity', ownerId);
  const account = await requireAccount(deps, principal.tenantId, input.accountId);
  if (input.contactId) await requireContact(deps, principal.tenantId, input.contactId);
  const { stages } = await loadStages(deps, principal.tenantId);
  const stage = input.stage ? requireStage(stages, input.stage) : firstOpenStage(stages);
  if (!stage) throw new AppError('INTERNAL', 'The sales stage list has no open stage.');
  // The amount defaults to 0: only another value counts as typed, to be checked against the products.
  const { stage: _stage, probability, lossReason, winReason, products, priceListId, amount, competitors, lostToCompetitorId, ...fields } = input;
  const money = await dealMoney(deps, principal.tenantId, undefined, { amount: amount === 0 ? undefined : amount, currency: input.currency, priceListId, products });
  const now = deps.now().toISOString();
  const blank: OpportunityRecord = {
    ...fields,
    ...(competitors?.length ? { competitors } : {}),
    amount: money.amount,
    accountName: account.name,
    id: deps.newId(),
    tenantId: principal.tenantId,
    ownerId,
    stage: '',
    status: 'open',
    probability: stage.probability,
    probabilityOverridden: false,
    stageHistory: [],
    createdAt: now,
    createdBy: principal.userId,
    updatedAt: now,
    updatedBy: principal.userId,
    deletedAt: null,
  };
  const entered = enterStage(applyMergePatch(blank, { products: money.products, priceListId: money.priceListId }), stage, { lossReason, winReason }, { at: now, by: principal.userId });
  const record = probability === undefined ? entered : withProbability(entered, stage, probability);
  return deps.stores.opportunities.create(await withDealCompetitors(deps, withLostTo(record, lostToCompetitorId), competitors));
}
