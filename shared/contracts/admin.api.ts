import { FieldRules, FieldRulesUpdate, RoleAssignments, RoleAssignmentsUpdate, Teams, TeamsUpdate, Territories, TerritoriesUpdate } from './admin.contract';
import { defineEndpoint } from './endpoint';

export const adminEndpoints = {
  getFieldRules: defineEndpoint({
    id: 'getFieldRules', method: 'GET', path: 'admin/field-rules', tag: 'admin', auth: 'user', status: 200,
    summary: 'The field-level security rules of your tenant: fields hidden from, or read-only for, a role.', response: FieldRules,
  }),
  saveFieldRules: defineEndpoint({
    id: 'saveFieldRules', method: 'PUT', path: 'admin/field-rules', tag: 'admin', auth: 'user', status: 200, ifMatch: true,
    summary: 'Replaces the field-level security rules (admins). They apply to every response and write at once.',
    body: FieldRulesUpdate, response: FieldRules, errors: [403, 412, 428],
  }),
  getTeams: defineEndpoint({
    id: 'getTeams', method: 'GET', path: 'admin/teams', tag: 'admin', auth: 'user', status: 200,
    summary: 'The sales teams of your tenant: members and managers. They decide who sees and changes private records.', response: Teams,
  }),
  saveTeams: defineEndpoint({
    id: 'saveTeams', method: 'PUT', path: 'admin/teams', tag: 'admin', auth: 'user', status: 200, ifMatch: true,
    summary: 'Replaces the teams (admins); record access follows at once.', body: TeamsUpdate, response: Teams, errors: [403, 412, 428],
  }),
  getTerritories: defineEndpoint({
    id: 'getTerritories', method: 'GET', path: 'admin/territories', tag: 'admin', auth: 'user', status: 200,
    summary: 'Sales territories: criteria on accounts (country, region, postcode prefix, industry, size) and who works them.', response: Territories,
  }),
  saveTerritories: defineEndpoint({
    id: 'saveTerritories', method: 'PUT', path: 'admin/territories', tag: 'admin', auth: 'user', status: 200, ifMatch: true,
    summary: 'Replaces the territories (admins). Accounts take their territory when next saved.', body: TerritoriesUpdate, response: Territories, errors: [403, 412, 428],
  }),
  getRoleAssignments: defineEndpoint({
    id: 'getRoleAssignments', method: 'GET', path: 'admin/roles', tag: 'admin', auth: 'user', status: 200,
    summary: 'CRM roles assigned per user; users not listed keep the roles of their sign-in token.', response: RoleAssignments,
  }),
  saveRoleAssignments: defineEndpoint({
    id: 'saveRoleAssignments', method: 'PUT', path: 'admin/roles', tag: 'admin', auth: 'user', status: 200, ifMatch: true,
    summary: 'Replaces the role assignments (admins; you cannot take your own admin role away).', body: RoleAssignmentsUpdate, response: RoleAssignments,
    errors: [403, 412, 428],
  }),
} as const;
