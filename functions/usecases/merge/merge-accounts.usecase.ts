/**
 * Merging two accounts that are one company. The survivor keeps everything: e-mail domains
 * united, contacts, deals, activities and child accounts moved over, the duplicate's timeline
 * copied; the duplicate becomes a tombstone pointing at it.
 */
import type { AccountMerge } from '../../../shared/contracts/duplicates.contract';
import type { AccountRecord } from '../../../shared/domain/account';
import { assertCanSetOwner } from '../../../shared/domain/access-policy';
import type { Versioned } from '../../../shared/domain/record';
import { requireParentAccount } from '../accounts/account-rules';
import { stamp } from '../record-guards';
import type { UseCaseCall } from '../usecase-context';
import { mergeAccountRecords, type MergeMarks } from './merge-fields';
import { absorbed, carryTimeline, loadMergePair } from './merge-pair';
import { repointAccountMembers, repointActivities, repointChildAccounts } from './repoint';

async function absorb(call: UseCaseCall, survivor: Versioned<AccountRecord>, duplicate: Versioned<AccountRecord>, choices: AccountMerge['fields']): Promise<Versioned<AccountRecord>> {
  const { deps, principal } = call;
  const { etag, ...kept } = survivor;
  const { etag: _etag, ...gone } = duplicate;
  const merged: AccountRecord & MergeMarks = { ...mergeAccountRecords(kept, gone, choices ?? {}), mergedFrom: absorbed(survivor, duplicate.id), ...stamp(principal, deps.now()) };
  if (merged.ownerId !== survivor.ownerId) assertCanSetOwner(principal, 'account', merged.ownerId);
  if (merged.parentAccountId && merged.parentAccountId !== survivor.parentAccountId) {
    await requireParentAccount(deps, principal.tenantId, merged.parentAccountId, survivor.id);
  }
  return deps.stores.accounts.replace(merged, etag);
}

export async function mergeAccounts(call: UseCaseCall, survivorId: string, body: AccountMerge, ifMatch: string | undefined): Promise<Versioned<AccountRecord>> {
  const { deps, principal } = call;
  const { accounts } = deps.stores;
  const pair = await loadMergePair<AccountRecord>(call, 'account', (id) => accounts.get(principal.tenantId, id), { survivorId, duplicateId: body.duplicateId }, ifMatch);
  if (pair.state === 'done') return pair.survivor;
  const { duplicate } = pair;
  const survivor = pair.state === 'fresh' ? await absorb(call, pair.survivor, duplicate, body.fields) : pair.survivor;
  await repointAccountMembers(call, duplicate.id, survivor);
  await repointChildAccounts(call, duplicate.id, survivor.id);
  await repointActivities(call, { entity: 'account', id: duplicate.id }, { entity: 'account', id: survivor.id });
  await carryTimeline(call, 'account', survivor.id, { id: duplicate.id, label: duplicate.name });
  const { etag, ...record } = duplicate;
  const now = deps.now();
  const tombstone: AccountRecord & MergeMarks = { ...record, ...stamp(principal, now), deletedAt: now.toISOString(), mergedInto: survivor.id };
  await accounts.replace(tombstone, etag);
  return survivor;
}
