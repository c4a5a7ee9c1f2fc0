/** What a use case is given: the caller, the stores, a clock and an id source (fixed in tests). */
import type { Principal } from '../../shared/domain/principal';
import type { AccountRepository, ContactRepository, EmailIndex } from '../../shared/domain/repositories';

export interface CrmStores {
  accounts: AccountRepository;
  contacts: ContactRepository;
  emailIndex: EmailIndex;
}

export interface JobSender {
  send(message: unknown): Promise<void>;
}

export interface UseCaseDeps {
  stores: CrmStores;
  now: () => Date;
  newId: () => string;
  /** Background work, drained by queue handlers. */
  queues: { accountChanged: JobSender };
}

export interface UseCaseCall {
  deps: UseCaseDeps;
  principal: Principal;
}
