import type { CompetitorCreate } from '../../../shared/contracts/competitors.contract';
import type { CompetitorRecord } from '../../../shared/domain/competitor';
import { AppError } from '../../../shared/domain/errors';
import type { Versioned } from '../../../shared/domain/record';
import type { UseCaseCall } from '../usecase-context';
import { assertCanOnCompetitors, compact } from './competitor-access';

/** The name is reserved first, so two profiles can never be written with one name. */
export async function createCompetitor({ deps, principal }: UseCaseCall, input: CompetitorCreate): Promise<Versioned<CompetitorRecord>> {
  assertCanOnCompetitors(principal, 'update');
  const now = deps.now();
  const at = now.toISOString();
  const record: CompetitorRecord = compact({
    ...input,
    strategyNotes: [],
    id: deps.newId(),
    tenantId: principal.tenantId,
    createdAt: at,
    createdBy: principal.userId,
    updatedAt: at,
    updatedBy: principal.userId,
    deletedAt: null,
  });
  const { competitors } = deps.stores.competitors;
  await competitors.claimName(principal.tenantId, record.name, record.id, now);
  try {
    return await competitors.create(record);
  } catch (error) {
    // CONFLICT: a profile with this id exists (a retry), and it is the one holding the name.
    if (!(error instanceof AppError && error.code === 'CONFLICT')) await competitors.releaseName(principal.tenantId, record.name, record.id);
    throw error;
  }
}
