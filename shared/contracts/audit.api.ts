import { AuditPage, AuditParams, AuditQuery } from './audit.contract';
import { defineEndpoint } from './endpoint';

const trail = (path: 'accounts' | 'contacts', id: string, label: string) =>
  defineEndpoint({
    id, method: 'GET', path: `${path}/{id}/audit`, tag: 'audit', auth: 'user', status: 200,
    summary: `Who changed what of ${label} and when, with old and new values, newest first (managers and admins).`,
    params: AuditParams, query: AuditQuery, response: AuditPage, errors: [403, 404],
  });

export const auditEndpoints = {
  accountAudit: trail('accounts', 'accountAudit', 'an account'),
  contactAudit: trail('contacts', 'contactAudit', 'a contact'),
} as const;
