/** Tenant-wide settings (field rules, teams): anyone with a role reads them, admins save them. */
import { assertCan } from '../../../shared/domain/access-policy';
import { AppError, type FieldIssue } from '../../../shared/domain/errors';
import type { TenantSetting } from '../../../shared/domain/repositories';
import { requireIfMatch, sameEtag } from '../record-guards';
import type { UseCaseCall } from '../usecase-context';

export async function readSetting<T>({ principal }: UseCaseCall, setting: TenantSetting<T>): Promise<{ value: T; etag: string | null }> {
  assertCan(principal, 'read', 'settings');
  return setting.get(principal.tenantId);
}

/** `If-Match: *` saves over the defaults; otherwise the ETag of the setting read. */
export async function saveSetting<T>(
  { principal }: UseCaseCall,
  setting: TenantSetting<T>,
  value: T,
  issues: FieldIssue[],
  ifMatch: string | undefined,
): Promise<{ value: T; etag: string }> {
  assertCan(principal, 'update', 'settings');
  const expected = requireIfMatch(ifMatch);
  if (issues.length) throw new AppError('VALIDATION', 'Some entries are not valid.', { issues });
  const current = await setting.get(principal.tenantId);
  const matches = expected.trim() === '*' ? current.etag === null : current.etag !== null && sameEtag(expected, current.etag);
  if (!matches) throw new AppError('PRECONDITION_FAILED', 'This setting changed since you read it. Reload it, then apply your change again.');
  return setting.save(principal.tenantId, value, current.etag, principal.userId);
}
