/** Saved-search criteria: what is accepted, how errors name their path, and the SQL they become. */
import { compileCriteria } from '../../functions/infra/cosmos/criteria-query';
import { AppError } from '../../shared/domain/errors';
import { changedMembers } from '../../shared/domain/group';
import { criteriaIssues, hiddenCriteriaFields, parseCriteria, type Criteria } from '../../shared/domain/group-criteria';

const nested = (depth: number): unknown => (depth === 0 ? { field: 'amount', op: 'gt', value: 1 } : { all: [nested(depth - 1)] });

describe('checking criteria', () => {
  it('accepts and/or trees, ranges, lists and a keyword', () => {
    const criteria = {
      keyword: 'north',
      all: [
        { field: 'status', op: 'eq', value: 'open' },
        { any: [{ field: 'amount', op: 'between', value: [1000, 5000] }, { field: 'leadSource', op: 'in', value: ['web', 'event'] }] },
        { field: 'expectedCloseDate', op: 'lte', value: '2026-12-31' },
      ],
    };
    expect(criteriaIssues('opportunity', criteria)).toEqual([]);
    expect(criteriaIssues('contact', { keyword: 'dubois' })).toEqual([]);
  });

  it('names the path of each wrong part', () => {
    const issues = criteriaIssues('account', {
      all: [
        { field: 'name', op: 'eq', value: 'Acme' },
        { field: 'margin', op: 'gt', value: 3 },
        { field: 'type', op: 'eq', value: 'friend' },
        { field: 'createdAt', op: 'eq', value: '2026-01-01' },
        { field: 'name', op: 'in', value: [] },
      ],
    });
    expect(issues.map((issue) => issue.field)).toEqual(['all.1.field', 'all.2.value', 'all.3.op', 'all.4.value']);
    expect(issues[1]?.message).toContain('prospect, customer, partner, competitor');
  });

  it('checks value types: numbers stay numbers, dates are real dates, ranges run forwards', () => {
    expect(criteriaIssues('opportunity', { field: 'amount', op: 'gt', value: '50000' })[0]?.field).toBe('value');
    expect(criteriaIssues('opportunity', { field: 'expectedCloseDate', op: 'gte', value: '2026-02-30' })[0]?.field).toBe('value');
    expect(criteriaIssues('opportunity', { field: 'amount', op: 'between', value: [10, 1] })[0]?.message).toContain('from not after to');
    expect(criteriaIssues('contact', { field: 'emails', op: 'exists', value: 'yes' })[0]?.message).toBe('must be true or false');
  });

  it('limits nesting to five groups and a tree to fifty conditions', () => {
    expect(criteriaIssues('opportunity', nested(5))).toEqual([]);
    expect(criteriaIssues('opportunity', nested(6))[0]?.message).toContain('5 levels');
    const wide = { any: Array.from({ length: 5 }, () => ({ all: Array.from({ length: 11 }, () => ({ field: 'amount', op: 'gt', value: 1 })) })) };
    expect(criteriaIssues('opportunity', wide).map((issue) => issue.message)).toContain('must have at most 50 conditions');
  });

  it('stops at the depth limit without recursing through a hostile body', () => {
    let deep: unknown = { field: 'amount', op: 'gt', value: 1 };
    for (let level = 0; level < 50_000; level += 1) deep = { all: [deep] };
    expect(criteriaIssues('opportunity', deep)).toHaveLength(1);
  });

  it('refuses unknown keys and non-objects, prefixing the body field', () => {
    expect(() => parseCriteria('contact', { field: 'lastName', op: 'eq', value: 'x', sql: '1=1' })).toThrow(AppError);
    const thrown = (() => {
      try {
        parseCriteria('contact', { all: [{ field: 'lastName', op: 'eq', value: 'x' }, 'drop'] });
        return undefined;
      } catch (error) {
        return error as AppError;
      }
    })();
    expect(thrown?.issues).toEqual([{ field: 'criteria.all.1', message: expect.stringContaining('must be an object') }]);
    expect(criteriaIssues('contact', [])).toHaveLength(1);
    expect(criteriaIssues('contact', {})[0]?.message).toBe('needs a condition or a keyword');
  });
});

describe('compiling criteria', () => {
  const compile = (entity: 'contact' | 'account' | 'opportunity', criteria: Criteria) => compileCriteria(entity, parseCriteria(entity, criteria));

  it('turns and/or, ranges and lists into parameterised SQL', () => {
    const [clause] = compile('opportunity', {
      all: [{ field: 'status', op: 'eq', value: 'open' }, { any: [{ field: 'amount', op: 'gte', value: 50000 }, { field: 'stage', op: 'in', value: ['proposal', 'negotiation'] }] }],
    });
    expect(clause?.sql).toBe('(c.status = @g0 AND (c.amount >= @g1 OR ARRAY_CONTAINS(@g2, c.stage)))');
    expect(clause?.parameters).toEqual([
      { name: '@g0', value: 'open' },
      { name: '@g1', value: 50000 },
      { name: '@g2', value: ['proposal', 'negotiation'] },
    ]);
  });

  it('compares text ignoring case and treats a date alone on a time field as the whole day', () => {
    const [clause] = compile('contact', { all: [{ field: 'address.country', op: 'eq', value: 'France' }, { field: 'createdAt', op: 'between', value: ['2026-01-01', '2026-01-31'] }] });
    expect(clause?.sql).toBe('(LOWER(c.address.country) = @g0 AND (c.createdAt >= @g1 AND c.createdAt <= @g2))');
    expect(clause?.parameters?.map((parameter) => parameter.value)).toEqual(['france', '2026-01-01T00:00:00.000Z', '2026-01-31T23:59:59.999Z']);
  });

  it('matches any of a contact’s addresses, and keywords against the search text', () => {
    const [clause] = compile('contact', { keyword: 'Chloé Dubois', field: 'emails', op: 'contains', value: '@Acme.example' });
    expect(clause?.sql).toBe('CONTAINS(c.searchText, @g0) AND CONTAINS(c.searchText, @g1) AND EXISTS(SELECT VALUE e FROM e IN c.emails WHERE CONTAINS(e.address, @g2))');
    expect(clause?.parameters?.map((parameter) => parameter.value)).toEqual(['chloe', 'dubois', '@acme.example']);
  });

  it('keeps an injection attempt inside a parameter', () => {
    const attack = "x') OR 1=1 OR (c.lastName = 'x";
    const [clause] = compile('contact', { any: [{ field: 'lastName', op: 'eq', value: attack }, { field: 'jobTitle', op: 'contains', value: '" OR true --' }] });
    expect(clause?.sql).toBe('(LOWER(c.lastName) = @g0 OR CONTAINS(LOWER(c.jobTitle), @g1))');
    expect(clause?.sql).not.toContain('1=1');
    expect(clause?.parameters?.[0]?.value).toBe(attack.toLowerCase());
    expect(() => compile('contact', { field: 'lastName) OR (1=1', op: 'eq', value: 'x' } as Criteria)).toThrow(AppError);
  });

  it('counts a missing value as different, and exists as present and not null', () => {
    const [ne] = compile('account', { field: 'industry', op: 'ne', value: 'Retail' });
    expect(ne?.sql).toBe('(NOT (IS_DEFINED(c.industry) AND NOT IS_NULL(c.industry)) OR LOWER(c.industry) != @g0)');
    const [missing] = compile('opportunity', { field: 'leadSource', op: 'exists', value: false });
    expect(missing?.sql).toBe('NOT (IS_DEFINED(c.leadSource) AND NOT IS_NULL(c.leadSource))');
  });
});

describe('criteria and hidden fields', () => {
  const hidden = new Set(['margin']);

  it('names each hidden field a tree reads, however deep', () => {
    const criteria = parseCriteria('opportunity', { any: [{ field: 'amount', op: 'gt', value: 1 }, { all: [{ field: 'margin', op: 'gte', value: 30 }] }] });
    expect(hiddenCriteriaFields('opportunity', criteria, hidden)).toEqual(['margin']);
    expect(hiddenCriteriaFields('opportunity', criteria, new Set())).toEqual([]);
  });

  it('treats a keyword as reading every field behind the search text', () => {
    expect(hiddenCriteriaFields('contact', { keyword: 'cfo' }, new Set(['jobTitle']))).toEqual(['keyword']);
    expect(hiddenCriteriaFields('contact', parseCriteria('contact', { field: 'address.city', op: 'eq', value: 'Paris' }), new Set(['address']))).toEqual(['address.city']);
  });
});

describe('static members', () => {
  it('adds without duplicates, removes, and keeps ids sorted', () => {
    expect(changedMembers(['b', 'a'], ['c', 'a'], ['b'])).toEqual(['a', 'c']);
  });
});
