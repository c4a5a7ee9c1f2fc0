import type { Database } from '@azure/cosmos';
import type { EmailTemplateRepository } from '../../../shared/domain/email-template';

/** PLACEHOLDER, filled in by the e-mail templates work. */
export function createEmailTemplateRepository(_database: Database): EmailTemplateRepository {
  return {};
}
