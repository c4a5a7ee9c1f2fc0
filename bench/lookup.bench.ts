/**
 * The Outlook hot path through the whole stack: GET /api/contacts/lookup over HTTP with a real
 * token, measured one request at a time (the pane's pattern) with 10,000 then 100,000 contacts.
 */
import { randomUUID } from 'node:crypto';
import { createAccount } from '../functions/usecases/accounts/create-account.usecase';
import { createContact } from '../functions/usecases/contacts/create-contact.usecase';
import type { UseCaseCall } from '../functions/usecases/usecase-context';
import { DEMO_TENANT_ID, findDemoUser } from '../local/identity/demo-directory';
import { startLocalStack } from '../local/stack';
import { scopeOf } from '../shared/domain/record-access';
import { inParallel, percentiles } from './stats';

const ACCOUNTS = 2_000;

function addressOf(index: number): string {
  return `person.${index}@company${index % ACCOUNTS}.example`;
}

async function load(call: UseCaseCall, accountIds: string[], from: number, to: number): Promise<void> {
  const indexes = Array.from({ length: to - from }, (_, n) => from + n);
  await inParallel(indexes, 24, async (index) => {
    if (index > from && index % 10_000 === 0) process.stderr.write(`  ${index} contacts loaded\n`);
    const emails = [{ address: addressOf(index), label: 'work' as const }];
    if (index % 5 === 0) emails.push({ address: `p${index}@mail.example`, label: 'work' });
    await createContact(call, { firstName: `First${index}`, lastName: `Last${index}`, accountId: accountIds[index % accountIds.length], emails, phones: [] });
  });
}

async function measure(apiUrl: string, token: string, loaded: number, samples = 400): Promise<ReturnType<typeof percentiles>> {
  const durations: number[] = [];
  for (let n = 0; n < samples + 20; n += 1) {
    const index = Math.floor(Math.random() * loaded);
    const address = n % 10 === 9 ? `unknown.${n}@nowhere.example` : addressOf(index).toUpperCase();
    const started = performance.now();
    const response = await fetch(`${apiUrl}/contacts/lookup?email=${encodeURIComponent(address)}`, { headers: { Authorization: `Bearer ${token}` } });
    const body = (await response.json()) as { matches: unknown[] };
    const elapsed = performance.now() - started;
    if (response.status !== 200 || (n % 10 !== 9 && body.matches.length !== 1)) throw new Error(`lookup of ${address} answered ${response.status}`);
    if (n >= 20) durations.push(elapsed); // the first requests warm connections and caches
  }
  return percentiles(durations);
}

export async function benchLookup(sizes = [10_000, 100_000]): Promise<Record<string, unknown>> {
  const stack = await startLocalStack({ backgroundWork: false });
  try {
    const admin = findDemoUser('admin');
    if (!admin) throw new Error('no admin demo user');
    const call: UseCaseCall = {
      deps: stack.services.deps,
      principal: { tenantId: DEMO_TENANT_ID, userId: admin.userId, displayName: admin.displayName, email: admin.email, roles: admin.roles, scopes: [] },
      scope: scopeOf(admin.userId, []),
    };
    const accountIds: string[] = [];
    await inParallel(Array.from({ length: ACCOUNTS }, (_, n) => n), 24, async (n) => {
      accountIds[n] = (await createAccount(call, { name: `Company ${n} ${randomUUID().slice(0, 4)}`, type: 'customer', emailDomains: [`company${n}.example`] })).id;
    });
    const token = await stack.tokenFor('rep1');
    const results: Record<string, unknown> = {};
    let loaded = 0;
    for (const size of sizes) {
      const started = performance.now();
      process.stderr.write(`lookup bench: loading contacts ${loaded + 1}..${size}\n`);
      await load(call, accountIds, loaded, size);
      const loadSeconds = (performance.now() - started) / 1000;
      loaded = size;
      results[`contacts_${size}`] = { lookupMs: await measure(stack.apiUrl, token, loaded), loadSeconds: Math.round(loadSeconds * 10) / 10 };
    }
    return results;
  } finally {
    await stack.close();
  }
}
