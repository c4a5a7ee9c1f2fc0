import { auditEndpoints } from '../../shared/contracts/audit.api';
import { readAudit } from '../usecases/audit/read-audit.usecase';
import { bind, callOf } from './endpoint-binding';

export const auditRoutes = [
  bind(auditEndpoints.accountAudit, async (input) => ({ body: await readAudit(callOf(input), 'account', input.params.id, input.query) })),
  bind(auditEndpoints.contactAudit, async (input) => ({ body: await readAudit(callOf(input), 'contact', input.params.id, input.query) })),
];
