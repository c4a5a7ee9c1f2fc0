/** Look-ups the opportunity use cases share: the tenant's stages, the account and contact a deal names. */
import type { AccountRecord } from '../../../shared/domain/account';
import { AppError } from '../../../shared/domain/errors';
import { isLive, type Versioned } from '../../../shared/domain/record';
import {
  DEFAULT_SALES_STAGES,
  DEFAULT_STAGES_ETAG,
  findStage,
  type SalesStage,
  type SalesStageSettingsRepository,
} from '../../../shared/domain/sales-stages';
import type { UseCaseDeps } from '../usecase-context';

export function salesStageStore(deps: UseCaseDeps): SalesStageSettingsRepository {
  return deps.stores.salesStages;
}

export interface TenantStages {
  stages: SalesStage[];
  /** The version to compare If-Match with: the stored document's, or the defaults'. */
  etag: string;
  stored: boolean;
  updatedAt?: string;
  updatedBy?: string;
}

export async function loadStages(deps: UseCaseDeps, tenantId: string): Promise<TenantStages> {
  const settings = await salesStageStore(deps).get(tenantId);
  if (!settings) return { stages: [...DEFAULT_SALES_STAGES], etag: DEFAULT_STAGES_ETAG, stored: false };
  return { stages: settings.stages, etag: settings.etag, stored: true, updatedAt: settings.updatedAt, updatedBy: settings.updatedBy };
}

export function requireStage(stages: readonly SalesStage[], id: string): SalesStage {
  const stage = findStage(stages, id);
  if (!stage) {
    const known = stages.map((candidate) => candidate.id).join(', ');
    throw new AppError('VALIDATION', `There is no sales stage "${id}".`, { issues: [{ field: 'stage', message: `must be one of ${known}` }] });
  }
  return stage;
}

/** A deal belongs to a live account of the caller's tenant (another tenant's answers the same: no such account). */
export async function requireAccount(deps: UseCaseDeps, tenantId: string, accountId: string): Promise<Versioned<AccountRecord>> {
  const account = await deps.stores.accounts.get(tenantId, accountId);
  if (!account || !isLive(account)) {
    throw new AppError('VALIDATION', 'The account does not exist.', { issues: [{ field: 'accountId', message: 'no account with this id' }] });
  }
  return account;
}

/** The primary contact may work anywhere (a partner's consultant, say), but must be a live contact of the tenant. */
export async function requireContact(deps: UseCaseDeps, tenantId: string, contactId: string): Promise<void> {
  const contact = await deps.stores.contacts.get(tenantId, contactId);
  if (!contact || !isLive(contact)) {
    throw new AppError('VALIDATION', 'The contact does not exist.', { issues: [{ field: 'contactId', message: 'no contact with this id' }] });
  }
}
