import { adminEndpoints } from '../../shared/contracts/admin.api';
import { roleAssignmentIssues } from '../../shared/domain/access-policy';
import { fieldRuleIssues } from '../../shared/domain/field-security';
import { teamListIssues } from '../../shared/domain/record-access';
import { territoryListIssues } from '../../shared/domain/territory';
import { readSetting, saveSetting } from '../usecases/settings/tenant-settings.usecase';
import { bind, callOf } from './endpoint-binding';
import { toHttpEtag } from './http-pipeline';

function versioned<K extends string, T>(key: K, setting: { value: T; etag: string | null }) {
  return { body: { [key]: setting.value, etag: setting.etag ? toHttpEtag(setting.etag) : null } as Record<K, T> & { etag: string | null }, ...(setting.etag ? { etag: setting.etag } : {}) };
}

export const adminRoutes = [
  bind(adminEndpoints.getFieldRules, async (input) => versioned('rules', await readSetting(callOf(input), input.services.deps.stores.fieldRules))),
  bind(adminEndpoints.saveFieldRules, async (input) => {
    const issues = fieldRuleIssues(input.body.rules).map(({ index, message }) => ({ field: `rules.${index}`, message }));
    return versioned('rules', await saveSetting(callOf(input), input.services.deps.stores.fieldRules, input.body.rules, issues, input.ifMatch));
  }),
  bind(adminEndpoints.getTeams, async (input) => versioned('teams', await readSetting(callOf(input), input.services.deps.stores.teams))),
  bind(adminEndpoints.saveTeams, async (input) =>
    versioned('teams', await saveSetting(callOf(input), input.services.deps.stores.teams, input.body.teams, teamListIssues(input.body.teams), input.ifMatch)),
  ),
  bind(adminEndpoints.getTerritories, async (input) => versioned('territories', await readSetting(callOf(input), input.services.deps.stores.territories))),
  bind(adminEndpoints.saveTerritories, async (input) => {
    const { territories } = input.body;
    return versioned('territories', await saveSetting(callOf(input), input.services.deps.stores.territories, territories, territoryListIssues(territories), input.ifMatch));
  }),
  bind(adminEndpoints.getRoleAssignments, async (input) => versioned('assignments', await readSetting(callOf(input), input.services.deps.stores.roleAssignments))),
  bind(adminEndpoints.saveRoleAssignments, async (input) => {
    const call = callOf(input);
    const { assignments } = input.body;
    return versioned('assignments', await saveSetting(call, input.services.deps.stores.roleAssignments, assignments, roleAssignmentIssues(assignments, call.principal.userId), input.ifMatch));
  }),
];
