/** What every seed step shares: the tenant's book so far, its users, and create-once semantics. */
import type { UseCaseCall, UseCaseDeps } from '../../functions/usecases/usecase-context';
import { AppError } from '../../shared/domain/errors';
import type { Principal } from '../../shared/domain/principal';
import { DEMO_USERS, type DemoUser } from '../identity/demo-directory';
import { scopeOf, type Team } from '../../shared/domain/record-access';
import type { Territory } from '../../shared/domain/territory';
import { demoAccounts, demoContacts, type SeedAccount, type SeedContact } from './seed-data';

/** The demo tenant's sales teams, from the demo directory: rep1 in East, rep2 in West, the manager over both. */
export const DEMO_TEAMS: Team[] = ['East', 'West'].map((name) => ({
  id: name.toLowerCase(),
  name,
  memberIds: DEMO_USERS.filter((user) => user.team === name).map((user) => user.userId),
  managerIds: DEMO_USERS.filter((user) => user.managesTeams?.includes(name)).map((user) => user.userId),
}));

/** Two territories by country: the Americas worked by rep1, Europe by rep2. */
export const DEMO_TERRITORIES: Territory[] = [
  { id: 'north-america', name: 'North America', criteria: { countries: ['United States', 'Canada'] }, assigneeIds: DEMO_USERS.filter((user) => user.username === 'rep1').map((user) => user.userId) },
  {
    id: 'europe',
    name: 'Europe',
    criteria: { countries: ['United Kingdom', 'France', 'Germany', 'Netherlands', 'Sweden'] },
    assigneeIds: DEMO_USERS.filter((user) => user.username === 'rep2').map((user) => user.userId),
  },
];

export interface SeedReport {
  created: number;
  existing: number;
}

export interface SeedContext {
  deps: UseCaseDeps;
  admin: Principal;
  accounts: SeedAccount[];
  contacts: SeedContact[];
  /** Filled by the opportunities step, for the steps after it. */
  opportunityIds: string[];
  report: SeedReport;
}

export function principalOf(user: DemoUser): Principal {
  return { tenantId: user.tenantId, userId: user.userId, displayName: user.displayName, email: user.email, roles: user.roles, scopes: ['access_as_user'] };
}

export function demoUser(username: string): DemoUser {
  const user = DEMO_USERS.find((candidate) => candidate.username === username);
  if (!user) throw new Error(`The demo directory has no user ${username}.`);
  return user;
}

/**
 * The demo tenant's book, owned in turn by rep1, rep2, the manager, rep1 and rep2: what the seed
 * writes, and what the preview's mailbox and `npm start`'s banner address.
 */
export function demoBook(): { accounts: SeedAccount[]; contacts: SeedContact[] } {
  const owners = ['rep1', 'rep2', 'manager', 'rep1', 'rep2'].map((name) => demoUser(name).userId);
  const accounts = demoAccounts(owners);
  return { accounts, contacts: demoContacts(accounts, owners) };
}

/** A use-case call whose new record gets `id`, so a re-run meets the record it wrote before. */
export function callWithId(context: SeedContext, id: string, principal: Principal = context.admin): UseCaseCall {
  return { deps: { ...context.deps, newId: () => id }, principal, scope: scopeOf(principal.userId, DEMO_TEAMS, DEMO_TERRITORIES) };
}

/** Runs a create; an existing record (409) counts as already seeded. */
export async function createOnce(report: SeedReport, create: () => Promise<unknown>): Promise<void> {
  try {
    await create();
    report.created += 1;
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error;
    report.existing += 1;
  }
}
