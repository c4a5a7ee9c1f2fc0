import type { OpportunityUpdate } from '../../../shared/contracts/opportunities.contract';
import { assertCanSetOwner } from '../../../shared/domain/access-policy';
import { enterStage, requireClosingRules, withProbability, type OpportunityRecord } from '../../../shared/domain/opportunity';
import type { Versioned } from '../../../shared/domain/record';
import { findStage, type SalesStage } from '../../../shared/domain/sales-stages';
import { applyMergePatch } from '../merge-patch';
import { loadForChange, stamp } from '../record-guards';
import { withDealCompetitors, withLostTo } from '../competitors/deal-competitors';
import type { UseCaseCall, UseCaseDeps } from '../usecase-context';
import { dealMoney } from './opportunity-products';
import { loadStages, requireAccount, requireContact, requireStage } from './opportunity-rules';
import { recordStageChanges } from './stage-timeline';

type StagePatch = Pick<OpportunityUpdate, 'stage' | 'probability' | 'lossReason' | 'winReason'>;

/**
 * Stage, probability and reasons of a patch, in that order: a new stage is a move (as the quick
 * action makes it), then a probability given overrides the new stage's default, and the final
 * reasons must fit the final status.
 */
function applyStagePatch(record: OpportunityRecord, stages: readonly SalesStage[], patch: StagePatch, change: { at: string; by: string }): OpportunityRecord {
  const reasons = { lossReason: patch.lossReason ?? undefined, winReason: patch.winReason ?? undefined };
  let next = record;
  if (patch.stage !== undefined && patch.stage !== record.stage) {
    next = enterStage(record, requireStage(stages, patch.stage), reasons, change);
  } else if (patch.lossReason !== undefined || patch.winReason !== undefined) {
    next = applyMergePatch<OpportunityRecord>(record, { lossReason: patch.lossReason, winReason: patch.winReason });
    requireClosingRules(next.status, { lossReason: next.lossReason, winReason: next.winReason });
  }
  return patch.probability === undefined ? next : withProbability(next, findStage(stages, next.stage), patch.probability);
}

/** A new account refreshes the copy of its name; a new primary contact must exist. */
async function checkLinks(deps: UseCaseDeps, tenantId: string, current: OpportunityRecord, patch: OpportunityUpdate): Promise<Partial<OpportunityRecord>> {
  if (patch.contactId && patch.contactId !== current.contactId) await requireContact(deps, tenantId, patch.contactId);
  if (!patch.accountId || patch.accountId === current.accountId) return {};
  return { accountName: (await requireAccount(deps, tenantId, patch.accountId)).name };
}

export async function updateOpportunity(
  { deps, principal, scope }: UseCaseCall,
  id: string,
  patch: OpportunityUpdate,
  ifMatch: string | undefined,
): Promise<Versioned<OpportunityRecord>> {
  const current = await loadForChange({ principal, scope }, 'update', 'opportunity', deps.stores.opportunities, id, ifMatch);
  if (patch.ownerId !== undefined && patch.ownerId !== current.ownerId) assertCanSetOwner(principal, 'opportunity', patch.ownerId);
  const links = await checkLinks(deps, principal.tenantId, current, patch);
  const { etag: _etag, ...record } = current;
  const { stage, probability, lossReason, winReason, amount, products, priceListId, competitors, lostToCompetitorId, ...plain } = patch;
  const money = await dealMoney(deps, principal.tenantId, current, { amount, currency: patch.currency, priceListId, products });
  const now = deps.now();
  const patched: OpportunityRecord = {
    ...applyMergePatch<OpportunityRecord>(record, { ...plain, ...money, competitors: competitors?.length === 0 ? null : competitors }),
    ...links,
    ...stamp(principal, now),
  };
  // The stage list is read only when the patch touches the stage or the probability.
  const stages = stage !== undefined || probability !== undefined ? (await loadStages(deps, principal.tenantId)).stages : [];
  const staged = applyStagePatch(patched, stages, { stage, probability, lossReason, winReason }, { at: now.toISOString(), by: principal.userId });
  // Like the reasons, a stage move takes only the lost-to given with it; otherwise it is merge-patched.
  const moved = staged.stageHistory.length > current.stageHistory.length;
  const lostTo = moved ? withLostTo(staged, lostToCompetitorId ?? undefined) : applyMergePatch<OpportunityRecord>(staged, { lostToCompetitorId });
  const next = await withDealCompetitors(deps, lostTo, competitors ?? undefined, current);
  const saved = await deps.stores.opportunities.replace(next, current.etag, current);
  await recordStageChanges(deps, saved, stages, current.stageHistory.length);
  return saved;
}
