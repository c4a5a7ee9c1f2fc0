/**
 * What functions/index.ts registers with @azure/functions for Azure equals the table the local
 * dev host serves: same functions, same triggers, same routes, schedules, containers and queues.
 * The Azure worker supplies `@azure/functions-core`; here a stand-in captures the registrations.
 */
interface Registration {
  name: string;
  bindings: Record<string, { type: string; direction: string; [key: string]: unknown }>;
}
const registrations: Registration[] = [];

jest.mock(
  '@azure/functions-core',
  () => ({
    registerFunction: (metadata: Registration) => {
      registrations.push(metadata);
      return { dispose: () => undefined };
    },
    setProgrammingModel: () => undefined,
    getProgrammingModel: () => undefined,
    registerHook: () => ({ dispose: () => undefined }),
  }),
  { virtual: true },
);

import { buildFunctionTable } from '../../functions/function-table';

function triggerOf(registration: Registration) {
  const trigger = Object.values(registration.bindings).find((binding) => binding.direction === 'in' && /Trigger$/.test(binding.type));
  if (!trigger) throw new Error(`${registration.name} has no trigger`);
  return trigger;
}

describe('Azure registration equals the function table', () => {
  const table = buildFunctionTable(() => Promise.reject(new Error('not called')), 'crm');

  beforeAll(async () => {
    await import('../../functions/index');
  });

  it('registers every function of the table, and nothing else', () => {
    const expected = [...table.http, ...table.timers, ...table.changeFeeds, ...table.queues].map((fn) => fn.name).sort();
    expect(registrations.map((registration) => registration.name).sort()).toEqual(expected);
  });

  it('gives each HTTP function its route and every method (405 is answered by our code)', () => {
    for (const fn of table.http) {
      const trigger = triggerOf(registrations.find((registration) => registration.name === fn.name) as Registration);
      expect(trigger).toMatchObject({ type: 'httpTrigger', route: fn.route, authLevel: 'anonymous' });
      expect([...(trigger.methods as string[])].sort()).toEqual([...fn.methods].sort());
    }
  });

  it('gives timers, change feeds and queues the same schedules, containers and queues', () => {
    const byName = new Map(registrations.map((registration) => [registration.name, triggerOf(registration)]));
    for (const fn of table.timers) expect(byName.get(fn.name)).toMatchObject({ type: 'timerTrigger', schedule: fn.schedule });
    for (const fn of table.changeFeeds) {
      expect(byName.get(fn.name)).toMatchObject({ type: 'cosmosDBTrigger', databaseName: 'crm', containerName: fn.containerName, leaseContainerName: 'leases' });
    }
    for (const fn of table.queues) expect(byName.get(fn.name)).toMatchObject({ type: 'queueTrigger', queueName: fn.queueName });
  });

  it('serves every endpoint of the API contract', async () => {
    const { servedEndpointIds, contractEndpointIds } = await import('../../functions/function-table');
    expect([...servedEndpointIds].sort()).toEqual([...contractEndpointIds].sort());
  });
});
