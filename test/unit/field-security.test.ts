import { DEFAULT_FIELD_RULES, fieldAccess, fieldPolicyFor, fieldRuleIssues, redactRecord, type FieldRule } from '../../shared/domain/field-security';

describe('field-level security', () => {
  it('hides the opportunity margin from marketing and read-only, and lets reps read but not change it', () => {
    expect(fieldAccess(DEFAULT_FIELD_RULES, ['marketing'], 'opportunity', 'margin')).toBe('hidden');
    expect(fieldAccess(DEFAULT_FIELD_RULES, ['read-only'], 'opportunity', 'margin')).toBe('hidden');
    expect(fieldAccess(DEFAULT_FIELD_RULES, ['sales-rep'], 'opportunity', 'margin')).toBe('read-only');
    expect(fieldAccess(DEFAULT_FIELD_RULES, ['sales-manager'], 'opportunity', 'margin')).toBe('full');
    expect(fieldAccess(DEFAULT_FIELD_RULES, ['admin'], 'opportunity', 'amount')).toBe('full');
  });

  it('gives a user with several roles the most permissive access, and one without roles nothing', () => {
    expect(fieldAccess(DEFAULT_FIELD_RULES, ['marketing', 'sales-rep'], 'opportunity', 'margin')).toBe('read-only');
    expect(fieldAccess(DEFAULT_FIELD_RULES, [], 'opportunity', 'name')).toBe('hidden');
  });

  it('redacts hidden fields and locks hidden and read-only ones', () => {
    const marketing = fieldPolicyFor(DEFAULT_FIELD_RULES, ['marketing']);
    expect(redactRecord(marketing, 'opportunity', { id: '1', name: 'Deal', margin: 0.3 })).toEqual({ id: '1', name: 'Deal' });
    expect(redactRecord(marketing, 'account', { id: '1', name: 'Acme' })).toEqual({ id: '1', name: 'Acme' });
    expect([...fieldPolicyFor(DEFAULT_FIELD_RULES, ['sales-rep']).locked('opportunity')]).toEqual(['margin']);
    expect([...fieldPolicyFor(DEFAULT_FIELD_RULES, ['sales-rep']).hidden('opportunity')]).toEqual([]);
  });

  it('refuses ambiguous rule sets and rules on identifying fields', () => {
    const rules: FieldRule[] = [
      { entity: 'contact', field: 'jobTitle', role: 'marketing', access: 'hidden' },
      { entity: 'contact', field: 'jobTitle', role: 'marketing', access: 'read-only' },
      { entity: 'contact', field: 'etag', role: 'marketing', access: 'hidden' },
    ];
    expect(fieldRuleIssues(rules).map((issue) => issue.index)).toEqual([1, 2]);
  });
});
