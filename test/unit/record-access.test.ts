import { canChange, canSee, scopeOf, visibleOwners, type Team } from '../../shared/domain/record-access';

const teams: Team[] = [
  { id: 'east', name: 'East', memberIds: ['rep1', 'rep3'], managerIds: ['manager'] },
  { id: 'west', name: 'West', memberIds: ['rep2'], managerIds: ['manager'] },
];
const rep1 = { roles: ['sales-rep' as const] };
const manager = { roles: ['sales-manager' as const] };

describe('who sees and changes which records', () => {
  it('lets a rep work on their own and their teammates’ deals, not another team’s', () => {
    const scope = scopeOf('rep1', teams);
    expect(canSee(rep1, scope, 'opportunity', { ownerId: 'rep3' })).toBe(true);
    expect(canSee(rep1, scope, 'opportunity', { ownerId: 'rep2' })).toBe(false);
    expect(canChange(rep1, scope, 'opportunity', { ownerId: 'rep1' })).toBe(true);
    expect(canChange(rep1, scope, 'opportunity', { ownerId: 'rep2' })).toBe(false);
  });

  it('lets a manager see and change the records of the teams they manage', () => {
    const scope = scopeOf('manager', teams);
    expect(canSee(manager, scope, 'opportunity', { ownerId: 'rep2' })).toBe(true);
    expect(canChange(manager, scope, 'activity', { ownerId: 'rep3' })).toBe(true);
    expect(canSee(manager, scope, 'opportunity', { ownerId: 'stranger' })).toBe(false);
  });

  it('shares accounts and contacts for reading with everyone, but not for changing', () => {
    const scope = scopeOf('rep1', teams);
    expect(visibleOwners(rep1, scope, 'account')).toBe('all');
    expect(canSee(rep1, scope, 'contact', { ownerId: 'rep2' })).toBe(true);
    expect(canChange(rep1, scope, 'contact', { ownerId: 'rep2' })).toBe(false);
  });

  it('lets admins change anything, marketing maintain every contact, and read-only read everything', () => {
    const nobody = scopeOf('x', teams);
    expect(canChange({ roles: ['admin'] }, nobody, 'opportunity', { ownerId: 'rep2' })).toBe(true);
    expect(canChange({ roles: ['marketing'] }, nobody, 'contact', { ownerId: 'rep2' })).toBe(true);
    expect(canChange({ roles: ['marketing'] }, nobody, 'account', { ownerId: 'rep2' })).toBe(false);
    expect(visibleOwners({ roles: ['read-only'] }, nobody, 'opportunity')).toBe('all');
  });

  it('treats a user in no team as working alone', () => {
    expect(visibleOwners(rep1, scopeOf('loner', teams), 'opportunity')).toEqual(['loner']);
  });
});

describe('special-account teams', () => {
  const withKeyAccount: Team[] = [...teams, { id: 'key-acme', name: 'Acme account team', memberIds: ['rep2'], managerIds: [], accountIds: ['acme'] }];

  it('let their members see and work the deals of their key accounts whoever owns them', () => {
    const scope = scopeOf('rep2', withKeyAccount);
    const deal = { ownerId: 'rep1', accountId: 'acme' };
    expect(canSee({ roles: ['sales-rep'] }, scope, 'opportunity', deal)).toBe(true);
    expect(canChange({ roles: ['sales-rep'] }, scope, 'opportunity', deal)).toBe(true);
    expect(canSee({ roles: ['sales-rep'] }, scope, 'opportunity', { ownerId: 'rep1', accountId: 'other' })).toBe(false);
  });

  it('do not make their members teammates', () => {
    expect(scopeOf('rep2', withKeyAccount).teammates).toEqual(['rep2']);
  });
});
