import type { Database } from '@azure/cosmos';
import type { TrackedEmailRepository } from '../../../shared/domain/tracked-email';

/** PLACEHOLDER, filled in by the Outlook context work. */
export function createTrackedEmailRepository(_database: Database): TrackedEmailRepository {
  return {};
}
