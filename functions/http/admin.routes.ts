import { adminEndpoints } from '../../shared/contracts/admin.api';
import { readFieldRules, saveFieldRules } from '../usecases/settings/field-rules.usecase';
import { bind, callOf } from './endpoint-binding';
import { toHttpEtag } from './http-pipeline';

export const adminRoutes = [
  bind(adminEndpoints.getFieldRules, async (input) => {
    const current = await readFieldRules(callOf(input), input.services.fieldRules);
    return { body: { rules: current.rules, etag: current.etag ? toHttpEtag(current.etag) : null }, ...(current.etag ? { etag: current.etag } : {}) };
  }),
  bind(adminEndpoints.saveFieldRules, async (input) => {
    const saved = await saveFieldRules(callOf(input), input.services.fieldRules, input.body, input.ifMatch);
    return { body: { rules: saved.rules, etag: toHttpEtag(saved.etag) }, etag: saved.etag };
  }),
];
