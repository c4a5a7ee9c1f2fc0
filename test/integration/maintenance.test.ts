/** The nightly timer of the function table prunes e-mail index entries left by half-done writes. */
import { randomUUID } from 'node:crypto';
import { InvocationContext } from '@azure/functions';
import { buildFunctionTable } from '../../functions/function-table';
import { createContact } from '../../functions/usecases/contacts/create-contact.usecase';
import { DEMO_TENANT_ID, findDemoUser } from '../../local/identity/demo-directory';
import { scopeOf } from '../../shared/domain/record-access';
import { useLocalStack } from '../support/use-local-stack';

const { stack } = useLocalStack();

it('removes index entries whose contact is gone or no longer has the address, and keeps the true ones', async () => {
  const admin = findDemoUser('admin');
  if (!admin) throw new Error('no admin');
  const principal = { tenantId: DEMO_TENANT_ID, userId: admin.userId, displayName: admin.displayName, email: admin.email, roles: admin.roles, scopes: [] };
  const { emailIndex } = stack.services.deps.stores;
  const real = await createContact({ deps: stack.services.deps, principal, scope: scopeOf(principal.userId, []) }, { lastName: 'Real', emails: [{ address: 'real@keep.example', label: 'work' }], phones: [] });
  await emailIndex.add(DEMO_TENANT_ID, 'real@keep.example', randomUUID()); // a create that failed after indexing
  await emailIndex.add(DEMO_TENANT_ID, 'other@address.example', real.id); // an address removed without unindexing

  const timer = buildFunctionTable(async () => stack.services, 'crm').timers.find((fn) => fn.name === 'nightly-maintenance');
  if (!timer) throw new Error('the nightly-maintenance timer is not in the table');
  const logs: string[] = [];
  const context = new InvocationContext({ functionName: timer.name, logHandler: (_level, ...args) => logs.push(args.join(' ')) });
  await timer.handler({ isPastDue: false, schedule: { adjustForDST: false }, scheduleStatus: { last: '', next: '', lastUpdated: '' } }, context);

  expect(await emailIndex.contactIdsFor(DEMO_TENANT_ID, 'real@keep.example')).toEqual([real.id]);
  expect(await emailIndex.contactIdsFor(DEMO_TENANT_ID, 'other@address.example')).toEqual([]);
  expect(logs.join('\n')).toMatch(/2 stale contact reference\(s\) removed/);
});
