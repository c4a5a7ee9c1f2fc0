import type { CompetitorUpdate } from '../../../shared/contracts/competitors.contract';
import { competitorNameKey, type CompetitorRecord } from '../../../shared/domain/competitor';
import type { Versioned } from '../../../shared/domain/record';
import { applyMergePatch } from '../merge-patch';
import { requireCurrentVersion, requireIfMatch, stamp } from '../record-guards';
import type { UseCaseCall } from '../usecase-context';
import { assertCanOnCompetitors, requireCompetitor } from './competitor-access';

/** A new name is reserved before the profile is saved and the old one freed after, so neither is ever unowned-and-used. */
export async function updateCompetitor({ deps, principal }: UseCaseCall, id: string, patch: CompetitorUpdate, ifMatch: string | undefined): Promise<Versioned<CompetitorRecord>> {
  assertCanOnCompetitors(principal, 'update');
  const etag = requireIfMatch(ifMatch);
  const current = await requireCompetitor(deps, principal.tenantId, id);
  requireCurrentVersion(current, etag, 'competitor');
  const { etag: _etag, ...record } = current;
  const now = deps.now();
  const next: CompetitorRecord = { ...applyMergePatch<CompetitorRecord>(record, patch), ...stamp(principal, now) };
  const { competitors } = deps.stores.competitors;
  const renamed = competitorNameKey(next.name) !== competitorNameKey(current.name);
  if (renamed) await competitors.claimName(principal.tenantId, next.name, id, now);
  const saved = await competitors.replace(next, current.etag, current);
  if (renamed) await competitors.releaseName(principal.tenantId, current.name, id);
  return saved;
}
