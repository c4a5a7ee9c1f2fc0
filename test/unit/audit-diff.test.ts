import { auditActionOf, diffRecords } from '../../shared/domain/audit';

describe('what the audit trail records of a change', () => {
  it('lists each changed field with its old and new value, and nothing else', () => {
    const before = { id: '1', name: 'Acme', industry: 'Retail', phone: '555', updatedAt: 'x', address: { city: 'Paris' } };
    const after = { id: '1', name: 'Acme Corp', phone: '555', updatedAt: 'y', address: { city: 'Lyon' }, website: 'https://acme.example' };
    expect(diffRecords(before, after)).toEqual([
      { field: 'address', old: { city: 'Paris' }, new: { city: 'Lyon' } },
      { field: 'industry', old: 'Retail', new: null },
      { field: 'name', old: 'Acme', new: 'Acme Corp' },
      { field: 'website', old: null, new: 'https://acme.example' },
    ]);
  });

  it('records every initial value on create', () => {
    expect(diffRecords(undefined, { id: '1', name: 'New', createdAt: 'now' })).toEqual([{ field: 'name', old: null, new: 'New' }]);
  });

  it('calls a write that sets the tombstone a delete', () => {
    expect(auditActionOf(undefined, { deletedAt: null })).toBe('create');
    expect(auditActionOf({ deletedAt: null }, { deletedAt: null })).toBe('update');
    expect(auditActionOf({ deletedAt: null }, { deletedAt: '2026-01-01T00:00:00Z' })).toBe('delete');
  });
});
