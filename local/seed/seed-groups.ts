/**
 * The demo groups: two shared saved searches the manager made, a personal one of marketing's, and
 * a static "VIP contacts" list. Dates are computed when seeding, relative to the seed's clock.
 */
import { createGroup } from '../../functions/usecases/groups/create-group.usecase';
import type { GroupCreate } from '../../shared/contracts/groups.contract';
import { fieldPolicyFor } from '../../shared/domain/field-security';
import type { Principal } from '../../shared/domain/principal';
import { seedId } from './seed-data';
import { callWithId, createOnce, demoUser, principalOf, type SeedContext } from './seed-support';

/** The first and last day of the quarter `now` falls in (UTC), as the deals' close dates are written. */
export function quarterOf(now: Date): { from: string; to: string } {
  const first = Math.floor(now.getUTCMonth() / 3) * 3;
  const day = (date: Date) => date.toISOString().slice(0, 10);
  return { from: day(new Date(Date.UTC(now.getUTCFullYear(), first, 1))), to: day(new Date(Date.UTC(now.getUTCFullYear(), first + 3, 0))) };
}

function demoGroups(context: SeedContext): Array<{ key: string; owner: string; input: GroupCreate }> {
  const quarter = quarterOf(context.deps.now());
  const vips = context.contacts.filter((contact) => contact.input.jobTitle === 'Chief Executive Officer').slice(0, 8);
  return [
    {
      key: 'customers-in-france',
      owner: 'manager',
      input: {
        name: 'Customers in France', entity: 'account', kind: 'saved-search', shared: true,
        criteria: { all: [{ field: 'type', op: 'eq', value: 'customer' }, { field: 'address.country', op: 'eq', value: 'France' }] },
      },
    },
    {
      key: 'big-open-deals-this-quarter',
      owner: 'manager',
      input: {
        name: 'Open deals over 50k closing this quarter', entity: 'opportunity', kind: 'saved-search', shared: true,
        description: `Expected to close between ${quarter.from} and ${quarter.to}.`,
        criteria: {
          all: [
            { field: 'status', op: 'eq', value: 'open' },
            { field: 'amount', op: 'gt', value: 50000 },
            { field: 'expectedCloseDate', op: 'between', value: [quarter.from, quarter.to] },
          ],
        },
      },
    },
    {
      key: 'decision-makers',
      owner: 'marketing',
      input: {
        name: 'Decision makers', entity: 'contact', kind: 'saved-search', shared: false,
        criteria: { any: [{ field: 'jobTitle', op: 'in', value: ['Chief Executive Officer', 'CFO', 'VP Sales'] }, { field: 'jobTitle', op: 'contains', value: 'director' }] },
      },
    },
    {
      key: 'vip-contacts',
      owner: 'rep1',
      input: { name: 'VIP contacts', entity: 'contact', kind: 'static', shared: true, memberIds: vips.map((contact) => contact.id) },
    },
  ];
}

export async function seedGroups(context: SeedContext): Promise<void> {
  const rules = (await context.deps.stores.fieldRules.get(context.admin.tenantId)).value;
  for (const group of demoGroups(context)) {
    const principal: Principal = principalOf(demoUser(group.owner));
    const policy = fieldPolicyFor(rules, principal.roles);
    await createOnce(context.report, () => createGroup(callWithId(context, seedId(`group:${group.key}`), principal), group.input, policy));
  }
}
