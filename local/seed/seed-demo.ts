/**
 * Seeds the demo tenants through the same use cases the API runs, so indexes and rules hold.
 * Idempotent: ids are deterministic and a record that already exists is left as it is.
 */
import { AppError } from '../../shared/domain/errors';
import type { Principal } from '../../shared/domain/principal';
import { createAccount } from '../../functions/usecases/accounts/create-account.usecase';
import { createContact } from '../../functions/usecases/contacts/create-contact.usecase';
import type { UseCaseDeps } from '../../functions/usecases/usecase-context';
import { DEMO_TENANT_ID, DEMO_USERS, OTHER_TENANT_ID, type DemoUser } from '../identity/demo-directory';
import { demoAccounts, demoContacts, seedId, type SeedAccount, type SeedContact } from './seed-data';

export interface SeedReport {
  created: number;
  existing: number;
}

function principalOf(user: DemoUser): Principal {
  return { tenantId: user.tenantId, userId: user.userId, displayName: user.displayName, email: user.email, roles: user.roles, scopes: ['access_as_user'] };
}

function userOf(username: string): DemoUser {
  const user = DEMO_USERS.find((candidate) => candidate.username === username);
  if (!user) throw new Error(`The demo directory has no user ${username}.`);
  return user;
}

async function createOnce(report: SeedReport, create: () => Promise<unknown>): Promise<void> {
  try {
    await create();
    report.created += 1;
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error;
    report.existing += 1;
  }
}

async function seedTenant(deps: UseCaseDeps, admin: Principal, accounts: SeedAccount[], contacts: SeedContact[], report: SeedReport): Promise<void> {
  for (const account of accounts) {
    await createOnce(report, () => createAccount({ deps: { ...deps, newId: () => account.id }, principal: admin }, account.input));
  }
  for (const contact of contacts) {
    await createOnce(report, () => createContact({ deps: { ...deps, newId: () => contact.id }, principal: admin }, contact.input));
  }
}

/** The demo book (Contoso Demo) and a small book in the second tenant (Fabrikam) for isolation. */
export async function seedDemoData(deps: UseCaseDeps): Promise<SeedReport> {
  const report: SeedReport = { created: 0, existing: 0 };
  const owners = ['rep1', 'rep2', 'manager', 'rep1', 'rep2'].map((name) => userOf(name).userId);
  const accounts = demoAccounts(owners);
  const contacts = demoContacts(accounts, owners);
  await seedTenant(deps, principalOf(userOf('admin')), accounts, contacts, report);

  // The other tenant knows one of the same people by the same address: lookups must never cross.
  const otherOwner = userOf('other-rep').userId;
  const shared = contacts[0]?.input.emails[0]?.address ?? 'someone@northwind.example';
  const otherAccount: SeedAccount = {
    id: seedId('other:account:0'),
    input: { name: 'Northwind Traders (Fabrikam view)', type: 'prospect', emailDomains: ['northwind.example'], ownerId: otherOwner },
  };
  const otherContacts: SeedContact[] = [
    { id: seedId('other:contact:0'), input: { firstName: 'Shared', lastName: 'Person', accountId: otherAccount.id, emails: [{ address: shared, label: 'work' }], phones: [], ownerId: otherOwner } },
    { id: seedId('other:contact:1'), input: { firstName: 'Only', lastName: 'Fabrikam', emails: [{ address: 'only.fabrikam@fabrikam-customer.example', label: 'work' }], phones: [], ownerId: otherOwner } },
  ];
  await seedTenant(deps, principalOf(userOf('other-admin')), [otherAccount], otherContacts, report);
  return report;
}

export const SEED_TENANTS = [DEMO_TENANT_ID, OTHER_TENANT_ID];

/** A known sender of the demo tenant, printed by `npm start` to try the lookup. */
export function sampleSenderAddress(): string {
  const owners = ['rep1'].map((name) => userOf(name).userId);
  return demoContacts(demoAccounts(owners), owners)[0]?.input.emails[0]?.address ?? '';
}
