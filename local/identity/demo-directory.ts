/**
 * The directory of the local identity stand-in: two tenants and their demo users.
 * Ids are fixed GUIDs so seed data, tests and tokens agree across runs and machines.
 * Team membership is not a token claim (Entra ID has no such claim without extra setup);
 * it is here so seed scripts can create the matching CRM user profiles.
 */
import type { Role } from '../../shared/domain/principal';

export const DEMO_TENANT_ID = '4facc194-7459-4de3-a0b5-1eeb3fe55e3d';
export const OTHER_TENANT_ID = 'ff1a322d-091e-4190-a1ca-50e55fbff8ce';

export interface DemoTenant {
  tenantId: string;
  displayName: string;
}

export const DEMO_TENANTS: readonly DemoTenant[] = [
  { tenantId: DEMO_TENANT_ID, displayName: 'Contoso Demo' },
  { tenantId: OTHER_TENANT_ID, displayName: 'Fabrikam' },
];

export interface DemoUser {
  /** Short name typed at the sign-in page, in scripts and in `npm run token -- <username>`. */
  username: string;
  /** Entra object id (`oid`). */
  userId: string;
  tenantId: string;
  displayName: string;
  email: string;
  roles: Role[];
  team?: string;
  managesTeams?: string[];
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    username: 'admin',
    userId: 'd25d2a95-0c9d-4f95-a9eb-c84f605ee389',
    tenantId: DEMO_TENANT_ID,
    displayName: 'Nadia Okafor',
    email: 'nadia.okafor@contoso.example',
    roles: ['admin'],
  },
  {
    username: 'manager',
    userId: '5f43fd96-14f5-45e8-a5ea-902e18a0785e',
    tenantId: DEMO_TENANT_ID,
    displayName: 'Daniel Brandt',
    email: 'daniel.brandt@contoso.example',
    roles: ['sales-manager'],
    managesTeams: ['East', 'West'],
  },
  {
    username: 'rep1',
    userId: '7b11758a-1c42-46f6-8b9f-f66622b5b5c7',
    tenantId: DEMO_TENANT_ID,
    displayName: 'Priya Raman',
    email: 'priya.raman@contoso.example',
    roles: ['sales-rep'],
    team: 'East',
  },
  {
    username: 'rep2',
    userId: '4b293ebd-af79-4d20-94a3-d13760617ae6',
    tenantId: DEMO_TENANT_ID,
    displayName: 'Lucas Moreau',
    email: 'lucas.moreau@contoso.example',
    roles: ['sales-rep'],
    team: 'West',
  },
  {
    username: 'marketing',
    userId: 'c10ee7cf-ec5d-46ba-9aee-bb5dde7f3abf',
    tenantId: DEMO_TENANT_ID,
    displayName: 'Emma Lindqvist',
    email: 'emma.lindqvist@contoso.example',
    roles: ['marketing'],
  },
  {
    username: 'readonly',
    userId: '91e16eef-37b9-4b50-a86e-ee1dff776315',
    tenantId: DEMO_TENANT_ID,
    displayName: 'Tomás Herrera',
    email: 'tomas.herrera@contoso.example',
    roles: ['read-only'],
  },
  {
    username: 'other-admin',
    userId: '7e1c55ec-e423-4996-8680-0568389c4f26',
    tenantId: OTHER_TENANT_ID,
    displayName: 'Grace Mensah',
    email: 'grace.mensah@fabrikam.example',
    roles: ['admin'],
  },
  {
    username: 'other-rep',
    userId: '7a625fb3-dc6f-4860-b35f-b9da21f38692',
    tenantId: OTHER_TENANT_ID,
    displayName: 'Kenji Watanabe',
    email: 'kenji.watanabe@fabrikam.example',
    roles: ['sales-rep'],
  },
];

/** Finds a demo user by short username or by e-mail (the UPN a real Entra sign-in would use). */
export function findDemoUser(usernameOrEmail: string): DemoUser | undefined {
  const wanted = usernameOrEmail.trim().toLowerCase();
  return DEMO_USERS.find((user) => user.username === wanted || user.email === wanted);
}

export function findDemoTenant(tenantId: string): DemoTenant | undefined {
  const wanted = tenantId.toLowerCase();
  return DEMO_TENANTS.find((tenant) => tenant.tenantId === wanted);
}
