import type { StrategyNoteCreate } from '../../../shared/contracts/competitors.contract';
import { MAX_STRATEGY_NOTES, type CompetitorRecord } from '../../../shared/domain/competitor';
import { AppError } from '../../../shared/domain/errors';
import type { Versioned } from '../../../shared/domain/record';
import { stamp } from '../record-guards';
import type { UseCaseCall } from '../usecase-context';
import { assertCanOnCompetitors, requireCompetitor } from './competitor-access';

const ATTEMPTS = 5;

/**
 * Appends a dated note. Appends commute, so no If-Match is asked of the client: the note is
 * written under the ETag just read, and a concurrent change (412) is met by reading again and
 * appending to the newer version, which never loses anyone's note.
 */
export async function addStrategyNote({ deps, principal }: UseCaseCall, id: string, input: StrategyNoteCreate): Promise<Versioned<CompetitorRecord>> {
  assertCanOnCompetitors(principal, 'update');
  const note = { id: deps.newId(), at: deps.now().toISOString(), authorId: principal.userId, text: input.text };
  for (let attempt = 1; ; attempt += 1) {
    const current = await requireCompetitor(deps, principal.tenantId, id);
    if (current.strategyNotes.length >= MAX_STRATEGY_NOTES) {
      throw new AppError('CONFLICT', `This profile holds the most strategy notes a profile can (${MAX_STRATEGY_NOTES}); record further observations in its description.`, {
        issues: [{ field: 'text', message: `the profile has the maximum of ${MAX_STRATEGY_NOTES} notes` }],
      });
    }
    const { etag, ...record } = current;
    try {
      return await deps.stores.competitors.competitors.replace({ ...record, strategyNotes: [...record.strategyNotes, note], ...stamp(principal, deps.now()) }, etag);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'PRECONDITION_FAILED') || attempt >= ATTEMPTS) throw error;
    }
  }
}
