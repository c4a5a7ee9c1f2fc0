import { applyMergePatch } from '../../functions/usecases/merge-patch';
import { emailChanges } from '../../shared/domain/contact';

describe('merge-patch updates', () => {
  it('keeps absent fields, replaces given ones, removes nulls', () => {
    const record = { name: 'Acme', industry: 'Retail', phone: '555' };
    expect(applyMergePatch(record, { name: 'Acme Corp', industry: null, phone: undefined })).toEqual({ name: 'Acme Corp', phone: '555' });
    expect(record.industry).toBe('Retail');
  });
});

describe('which index entries an e-mail change needs', () => {
  it('adds the new addresses and removes the dropped ones', () => {
    expect(emailChanges(new Set(['a@x', 'b@x']), new Set(['b@x', 'c@x']))).toEqual({ added: ['c@x'], removed: ['a@x'] });
  });
});
