/** What a use case is given: the caller, the stores, a clock and an id source (fixed in tests). */
import type { Principal } from '../../shared/domain/principal';
import type { ActivityRepository } from '../../shared/domain/activity';
import type { CatalogStores } from '../../shared/domain/catalog';
import type { CompetitorStores } from '../../shared/domain/competitor';
import type { EmailTemplateRepository } from '../../shared/domain/email-template';
import type { TrackedEmailRepository } from '../../shared/domain/tracked-email';
import type { GroupStores } from '../../shared/domain/group';
import type { LeadStores } from '../../shared/domain/lead';
import type { ImportJobRepository } from '../../shared/domain/import-job';
import type { OpportunityRepository } from '../../shared/domain/opportunity';
import type { SalesStageSettingsRepository } from '../../shared/domain/sales-stages';
import type { AccessScope } from '../../shared/domain/record-access';
import type {
  AccountRepository,
  AuditTrail,
  ContactRepository,
  EmailIndex,
  FieldRuleRepository,
  HistoryRepository,
  QuotaRepository,
  RoleAssignmentRepository,
  TeamRepository,
  TenantSetting,
} from '../../shared/domain/repositories';
import type { Territory } from '../../shared/domain/territory';
import type { UserDirectory } from '../../shared/domain/user-directory';

export interface CrmStores {
  accounts: AccountRepository;
  contacts: ContactRepository;
  emailIndex: EmailIndex;
  opportunities: OpportunityRepository;
  salesStages: SalesStageSettingsRepository;
  activities: ActivityRepository;
  history: HistoryRepository;
  audit: AuditTrail;
  importJobs: ImportJobRepository;
  fieldRules: FieldRuleRepository;
  teams: TeamRepository;
  territories: TenantSetting<Territory[]>;
  roleAssignments: RoleAssignmentRepository;
  quotas: QuotaRepository;
  /** Products, price lists, quotes and orders. */
  catalog: CatalogStores;
  leads: LeadStores;
  competitors: CompetitorStores;
  /** Saved searches and static groups. */
  groups: GroupStores;
  emailTemplates: EmailTemplateRepository;
  trackedEmails: TrackedEmailRepository;
  /** Names of the tenant's users who have signed in (until Microsoft Graph provides them). */
  userDirectory: UserDirectory;
}

/** Files (attachments, documents, letters) in blob storage; metadata stays with the records. */
export interface FileStore {
  put(name: string, data: Buffer, contentType: string): Promise<{ etag: string }>;
  get(name: string): Promise<{ data: Buffer; contentType: string } | null>;
  delete(name: string): Promise<void>;
}

export interface JobSender {
  send(message: unknown): Promise<void>;
}

export interface UseCaseDeps {
  stores: CrmStores;
  now: () => Date;
  newId: () => string;
  /** Background work, drained by queue handlers. */
  queues: { accountChanged: JobSender; imports: JobSender };
  files: { attachments: FileStore; imports: FileStore };
}

export interface UseCaseCall {
  deps: UseCaseDeps;
  principal: Principal;
  /** Who the caller works with: decides which private records they see and change. */
  scope: AccessScope;
}
