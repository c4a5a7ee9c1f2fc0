import type { FieldRulesUpdate } from '../../../shared/contracts/admin.contract';
import { assertCan } from '../../../shared/domain/access-policy';
import { AppError } from '../../../shared/domain/errors';
import { fieldRuleIssues, type FieldRule } from '../../../shared/domain/field-security';
import type { FieldRuleRepository } from '../../../shared/domain/repositories';
import { requireIfMatch, sameEtag } from '../record-guards';
import type { UseCaseCall } from '../usecase-context';

export async function readFieldRules({ principal }: UseCaseCall, rules: FieldRuleRepository) {
  assertCan(principal, 'read', 'settings');
  return rules.get(principal.tenantId);
}

/** `If-Match: *` saves over the defaults; otherwise the ETag of the rules read. */
export async function saveFieldRules({ principal }: UseCaseCall, rules: FieldRuleRepository, input: FieldRulesUpdate, ifMatch: string | undefined): Promise<{ rules: FieldRule[]; etag: string }> {
  assertCan(principal, 'update', 'settings');
  const expected = requireIfMatch(ifMatch);
  const issues = fieldRuleIssues(input.rules).map(({ index, message }) => ({ field: `rules.${index}`, message }));
  if (issues.length) throw new AppError('VALIDATION', 'Some field rules are not valid.', { issues });
  const current = await rules.get(principal.tenantId);
  const matches = expected.trim() === '*' ? current.etag === null : current.etag !== null && sameEtag(expected, current.etag);
  if (!matches) throw new AppError('PRECONDITION_FAILED', 'The field rules changed since you read them. Reload them, then apply your change again.');
  return rules.save(principal.tenantId, input.rules, current.etag, principal.userId);
}
