import { territoryFor, territoryListIssues, type Territory } from '../../shared/domain/territory';

const territories: Territory[] = [
  { id: 'paris-enterprise', name: 'Paris enterprise', criteria: { countries: ['France'], postcodePrefixes: ['75'], sizes: ['1001-5000', '5000+'] }, assigneeIds: ['rep1'] },
  { id: 'france', name: 'France', criteria: { countries: ['france'] }, assigneeIds: ['rep2'] },
  { id: 'nordics-energy', name: 'Nordic energy', criteria: { countries: ['Sweden', 'Norway'], industries: ['Energy'] }, assigneeIds: [] },
];

describe('which territory an account belongs to', () => {
  it('takes the first territory, in order, whose every criterion holds', () => {
    expect(territoryFor({ address: { country: 'France', postalCode: '75 002' }, size: '5000+' }, territories)).toBe('paris-enterprise');
    expect(territoryFor({ address: { country: 'France', postalCode: '69002' }, size: '5000+' }, territories)).toBe('france');
    expect(territoryFor({ address: { country: 'France', postalCode: '75002' }, size: '11-50' }, territories)).toBe('france');
  });

  it('compares names without case or accents, and needs the fact a criterion asks for', () => {
    expect(territoryFor({ address: { country: 'SWEDEN' }, industry: 'energy' }, territories)).toBe('nordics-energy');
    expect(territoryFor({ address: { country: 'Sweden' } }, territories)).toBeUndefined();
    expect(territoryFor({}, territories)).toBeUndefined();
  });

  it('refuses duplicate ids and territories that would hold every account', () => {
    const issues = territoryListIssues([...territories, { id: 'france', name: 'Again', criteria: {}, assigneeIds: [] }]);
    expect(issues.map((issue) => issue.field)).toEqual(['territories.3.id', 'territories.3.criteria']);
  });
});
