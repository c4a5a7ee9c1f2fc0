/**
 * Seeds the demo tenants through the same use cases the API runs, so indexes and rules hold.
 * Idempotent: ids are deterministic and a record that already exists is left as it is.
 */
import { createAccount } from '../../functions/usecases/accounts/create-account.usecase';
import { createContact } from '../../functions/usecases/contacts/create-contact.usecase';
import { createQuota } from '../../functions/usecases/quotas/quotas.usecase';
import type { UseCaseDeps } from '../../functions/usecases/usecase-context';
import { DEMO_TENANT_ID, DEMO_USERS, OTHER_TENANT_ID } from '../identity/demo-directory';
import { seedId, type SeedAccount, type SeedContact } from './seed-data';
import { seedActivities } from './seed-activities';
import { seedCatalog } from './seed-catalog';
import { seedCompetitors } from './seed-competitors';
import { seedGroups } from './seed-groups';
import { seedLeads } from './seed-leads';
import { seedNotes } from './seed-notes';
import { seedOpportunities } from './seed-opportunities';
import type { TenantSetting } from '../../shared/domain/repositories';
import { callWithId, createOnce, DEMO_TEAMS, DEMO_TERRITORIES, demoBook, demoUser, principalOf, type SeedContext, type SeedReport } from './seed-support';

export type { SeedReport } from './seed-support';

async function seedBook(context: SeedContext): Promise<void> {
  for (const account of context.accounts) {
    await createOnce(context.report, () => createAccount(callWithId(context, account.id), account.input));
  }
  for (const contact of context.contacts) {
    await createOnce(context.report, () => createContact(callWithId(context, contact.id), contact.input));
  }
}

/** A tenant setting, unless an admin already saved one. */
async function seedSetting<T>(context: SeedContext, setting: TenantSetting<T>, value: T): Promise<void> {
  if ((await setting.get(context.admin.tenantId)).etag !== null) {
    context.report.existing += 1;
    return;
  }
  await setting.save(context.admin.tenantId, value, null, context.admin.userId);
  context.report.created += 1;
}

/** Rep1's East team and rep2's West team under the manager; the Americas for rep1, Europe for rep2. */
async function seedTeams(context: SeedContext): Promise<void> {
  await seedSetting(context, context.deps.stores.teams, DEMO_TEAMS);
  await seedSetting(context, context.deps.stores.territories, DEMO_TERRITORIES);
}

/**
 * Every demo user of both tenants in their tenant's user directory, so cards show owners' names on
 * a fresh start, before each has signed in.
 */
async function seedUserDirectory(deps: UseCaseDeps, report: SeedReport): Promise<void> {
  for (const { tenantId, userId, displayName, email } of DEMO_USERS) {
    const written = await deps.stores.userDirectory.record(tenantId, { userId, displayName, email });
    if (written) report.created += 1;
    else report.existing += 1;
  }
}

/** Quarterly quotas of this year for each rep and each team. */
async function seedQuotas(context: SeedContext): Promise<void> {
  const year = context.deps.now().getUTCFullYear();
  const subjects = [
    ...['rep1', 'rep2'].map((name) => ({ subjectType: 'user' as const, subjectId: demoUser(name).userId, amount: 250_000 })),
    ...DEMO_TEAMS.map((team) => ({ subjectType: 'team' as const, subjectId: team.id, amount: 600_000 })),
  ];
  for (const subject of subjects) {
    for (const quarter of [1, 2, 3, 4]) {
      const input = { ...subject, period: `${year}-Q${quarter}`, currency: 'USD' };
      await createOnce(context.report, () => createQuota(callWithId(context, 'unused'), input));
    }
  }
}

/** The demo book (Contoso Demo) and a small book in the second tenant (Fabrikam) for isolation. */
export async function seedDemoData(deps: UseCaseDeps): Promise<SeedReport> {
  const report: SeedReport = { created: 0, existing: 0 };
  await seedUserDirectory(deps, report);
  const demo: SeedContext = { deps, admin: principalOf(demoUser('admin')), ...demoBook(), opportunityIds: [], report };
  await seedTeams(demo);
  await seedBook(demo);
  await seedCatalog(demo);
  await seedCompetitors(demo);
  await seedOpportunities(demo);
  await seedActivities(demo);
  await seedNotes(demo);
  await seedLeads(demo);
  await seedGroups(demo);
  await seedQuotas(demo);

  // The other tenant knows one of the same people by the same address: lookups must never cross.
  const otherOwner = demoUser('other-rep').userId;
  const shared = demo.contacts[0]?.input.emails[0]?.address ?? 'someone@northwind.example';
  const otherAccount: SeedAccount = {
    id: seedId('other:account:0'),
    input: { name: 'Northwind Traders (Fabrikam view)', type: 'prospect', emailDomains: ['northwind.example'], ownerId: otherOwner },
  };
  const otherContacts: SeedContact[] = [
    { id: seedId('other:contact:0'), input: { firstName: 'Shared', lastName: 'Person', accountId: otherAccount.id, emails: [{ address: shared, label: 'work' }], phones: [], ownerId: otherOwner } },
    { id: seedId('other:contact:1'), input: { firstName: 'Only', lastName: 'Fabrikam', emails: [{ address: 'only.fabrikam@fabrikam-customer.example', label: 'work' }], phones: [], ownerId: otherOwner } },
  ];
  await seedBook({ deps, admin: principalOf(demoUser('other-admin')), accounts: [otherAccount], contacts: otherContacts, opportunityIds: [], report });
  return report;
}

export const SEED_TENANTS = [DEMO_TENANT_ID, OTHER_TENANT_ID];

/** A known sender of the demo tenant, printed by `npm start` to try the lookup. */
export function sampleSenderAddress(): string {
  return demoBook().contacts[0]?.input.emails[0]?.address ?? '';
}
