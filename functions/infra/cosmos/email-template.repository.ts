/** E-mail templates in Cosmos: one document each, audited through the record store, listed by name. */
import type { Container, Database } from '@azure/cosmos';
import {
  emailTemplateSearchText,
  emailTemplateSortKey,
  type EmailTemplateFilter,
  type EmailTemplateRecord,
  type EmailTemplateRepository,
} from '../../../shared/domain/email-template';
import type { Page, PageRequest, Versioned } from '../../../shared/domain/record';
import { CONTAINERS } from './containers';
import { keywordClauses } from './keyword-clauses';
import { StoreBackedRepository, type QueryClause } from './record-store';

export class CosmosEmailTemplateRepository extends StoreBackedRepository<EmailTemplateRecord> implements EmailTemplateRepository {
  constructor(container: Container) {
    super(container, 'emailTemplate', (template) => ({ sortKey: emailTemplateSortKey(template), searchText: emailTemplateSearchText(template) }));
  }

  listVisible(tenantId: string, userId: string, filter: EmailTemplateFilter, page: PageRequest): Promise<Page<Versioned<EmailTemplateRecord>>> {
    const me = { name: '@me', value: userId };
    const visible: QueryClause =
      filter.visibility === 'shared'
        ? { sql: "c.visibility = 'shared'" }
        : filter.visibility === 'personal'
          ? { sql: "(c.visibility = 'personal' AND c.ownerId = @me)", parameters: [me] }
          : { sql: "(c.visibility = 'shared' OR c.ownerId = @me)", parameters: [me] };
    // The user is part of the filter: a continuation token is refused when replayed by someone else.
    return this.store.page(tenantId, [visible, ...keywordClauses(filter.keywords)], { ...filter, userId }, page);
  }
}

export function createEmailTemplateRepository(database: Database): EmailTemplateRepository {
  return new CosmosEmailTemplateRepository(database.container(CONTAINERS.emailTemplates));
}
