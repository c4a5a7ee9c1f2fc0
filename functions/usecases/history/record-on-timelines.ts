import { AppError } from '../../../shared/domain/errors';
import type { HistoryEntry } from '../../../shared/domain/history';
import type { UseCaseDeps } from '../usecase-context';

/**
 * Writes a timeline entry once. Entries carry ids fixed by what they record, so one already there
 * (a retry, a replay) counts as done.
 */
export async function recordOnTimelines(deps: Pick<UseCaseDeps, 'stores'>, entry: HistoryEntry | null): Promise<void> {
  if (!entry) return;
  try {
    await deps.stores.history.append(entry);
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error;
  }
}
