import { auditEndpoints } from '../../shared/contracts/audit.api';
import { readAudit } from '../usecases/audit/read-audit.usecase';
import { bind, callOf } from './endpoint-binding';

export const auditRoutes = [
  bind(auditEndpoints.accountAudit, async (input) => ({ body: await readAudit(callOf(input), await input.services.fieldPolicy(callOf(input).principal), 'account', input.params.id, input.query) })),
  bind(auditEndpoints.contactAudit, async (input) => ({ body: await readAudit(callOf(input), await input.services.fieldPolicy(callOf(input).principal), 'contact', input.params.id, input.query) })),
];
