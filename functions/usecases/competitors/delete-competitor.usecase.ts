import { requireCurrentVersion, requireIfMatch, stamp } from '../record-guards';
import type { UseCaseCall } from '../usecase-context';
import { assertCanOnCompetitors, requireCompetitor } from './competitor-access';

/**
 * Soft delete: deals that met the competitor keep its id, so their history stays true; the
 * profile, its deals view and its win/loss answer 404, and its name becomes free for a new profile.
 */
export async function deleteCompetitor({ deps, principal }: UseCaseCall, id: string, ifMatch: string | undefined): Promise<void> {
  assertCanOnCompetitors(principal, 'delete');
  const etag = requireIfMatch(ifMatch);
  const current = await requireCompetitor(deps, principal.tenantId, id);
  requireCurrentVersion(current, etag, 'competitor');
  const { etag: _etag, ...record } = current;
  const now = deps.now();
  const { competitors } = deps.stores.competitors;
  await competitors.replace({ ...record, ...stamp(principal, now), deletedAt: now.toISOString() }, current.etag, current);
  await competitors.releaseName(principal.tenantId, current.name, id);
}
