import { RouteMatcher } from '../../local/host/route-matcher';

describe('route precedence, as the Azure Functions host applies it', () => {
  const matcher = new RouteMatcher([
    { template: '{*path}', target: 'catch-all' },
    { template: 'contacts/{id}', target: 'contact' },
    { template: 'contacts/lookup', target: 'lookup' },
    { template: 'contacts', target: 'contacts' },
    { template: 'accounts/{id}/contacts', target: 'account-contacts' },
  ]);

  it('prefers a literal segment over a parameter, whatever the order of the table', () => {
    expect(matcher.match('/contacts/lookup')?.target).toBe('lookup');
    expect(matcher.match('/contacts/123')).toEqual({ target: 'contact', params: { id: '123' } });
  });

  it('matches literals case-insensitively and decodes parameters', () => {
    expect(matcher.match('/Contacts')?.target).toBe('contacts');
    expect(matcher.match('/contacts/a%20b')?.params).toEqual({ id: 'a b' });
  });

  it('falls back to the catch-all for anything else, with the rest of the path', () => {
    expect(matcher.match('/contacts/1/2/3')).toEqual({ target: 'catch-all', params: { path: 'contacts/1/2/3' } });
    expect(matcher.match('/accounts/9/contacts')?.target).toBe('account-contacts');
  });

  it('keeps a malformed escape as typed instead of throwing', () => {
    expect(matcher.match('/contacts/%E0%A4%A')?.params).toEqual({ id: '%E0%A4%A' });
  });
});
