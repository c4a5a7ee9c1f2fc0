/**
 * The domain at size: first pages of a filtered list and of a keyword search with 100,000
 * contacts and 50,000 opportunities, and a history page of a record with 5,000 entries, all
 * through the API with real tokens (targets: p95 <= 50 ms). Records are loaded through the
 * repositories (derived fields and audit as in production) rather than the HTTP API, to keep the
 * load phase short; e-mail indexing is skipped because no lookup is measured here.
 */
import { randomUUID } from 'node:crypto';
import type { ContactRecord } from '../shared/domain/contact';
import type { OpportunityRecord } from '../shared/domain/opportunity';
import { DEMO_TENANT_ID, findDemoUser } from '../local/identity/demo-directory';
import { random } from '../local/seed/seed-data';
import { startLocalStack, type LocalStack } from '../local/stack';
import { inParallel, percentiles } from './stats';

const LAST_NAMES = ['Andersen', 'Baptiste', 'Chen', 'Dubois', 'Eriksson', 'Fischer', 'Garcia', 'Haddad', 'Ito', 'Jensen', 'Kowalski', 'Laurent'];
const STAGES = ['prospect', 'qualify', 'develop', 'propose', 'negotiate'];

function meta(ownerId: string, n: number) {
  const at = new Date(Date.UTC(2025, 0, 1) + n * 60_000).toISOString();
  return { id: randomUUID(), tenantId: DEMO_TENANT_ID, ownerId, createdAt: at, createdBy: ownerId, updatedAt: at, updatedBy: ownerId, deletedAt: null };
}

async function load(stack: LocalStack, contacts: number, opportunities: number, owners: string[]): Promise<{ seconds: number }> {
  const started = performance.now();
  const next = random(7);
  const { stores } = stack.services.deps;
  await inParallel(Array.from({ length: contacts }, (_, n) => n), 32, async (n) => {
    if (n > 0 && n % 20_000 === 0) process.stderr.write(`  ${n} contacts loaded\n`);
    const lastName = `${LAST_NAMES[n % LAST_NAMES.length]}${n % 997}`;
    const record: ContactRecord = { ...meta(owners[n % owners.length] as string, n), firstName: `First${n}`, lastName, accountName: `Company ${n % 5000}`, emails: [{ address: `c${n}@company${n % 5000}.example`, label: 'work' }], phones: [{ number: `+1 555 ${String(n).padStart(7, '0')}`, label: 'work' }] };
    await stores.contacts.create(record);
  });
  await inParallel(Array.from({ length: opportunities }, (_, n) => n), 32, async (n) => {
    if (n > 0 && n % 20_000 === 0) process.stderr.write(`  ${n} opportunities loaded\n`);
    const stage = STAGES[Math.floor(next() * STAGES.length)] as string;
    const at = new Date(Date.UTC(2026, 0, 1) + n * 600_000);
    const record: OpportunityRecord = {
      ...meta(owners[n % owners.length] as string, n), name: `Deal ${n}`, accountId: randomUUID(), accountName: `Company ${n % 5000}`, stage, probability: 40, probabilityOverridden: false,
      amount: 1000 + (n % 100) * 100, currency: 'USD', expectedCloseDate: at.toISOString().slice(0, 10), status: 'open', stageHistory: [{ from: null, to: stage, at: at.toISOString(), by: 'bench' }],
    };
    await stores.opportunities.create(record);
  });
  return { seconds: Math.round((performance.now() - started) / 100) / 10 };
}

async function measure(url: string, token: string, runs = 60): Promise<ReturnType<typeof percentiles>> {
  const durations: number[] = [];
  for (let n = 0; n < runs + 5; n += 1) {
    const started = performance.now();
    const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    if (n >= 5) durations.push(performance.now() - started);
  }
  return percentiles(durations);
}

async function historyOf(stack: LocalStack, entries: number, actorId: string): Promise<string> {
  const contact = await stack.services.deps.stores.contacts.create({ ...meta(actorId, 0), lastName: 'Chronicle', emails: [], phones: [] });
  await inParallel(Array.from({ length: entries }, (_, n) => n), 32, async (n) => {
    await stack.services.deps.stores.history.append({
      id: randomUUID(), tenantId: DEMO_TENANT_ID, kind: 'note', occurredAt: new Date(Date.UTC(2024, 0, 1) + n * 3_600_000).toISOString(),
      actorId, title: `Note ${n}`, summary: 'Bench entry', regarding: [{ entity: 'contact', id: contact.id }],
    });
  });
  return contact.id;
}

export async function benchDomain(contacts = 100_000, opportunities = 50_000, historyEntries = 5_000): Promise<Record<string, unknown>> {
  const stack = await startLocalStack({ seed: true, backgroundWork: false });
  try {
    const owners = ['rep1', 'rep2', 'manager'].map((name) => findDemoUser(name)?.userId ?? name);
    process.stderr.write(`domain bench: loading ${contacts} contacts and ${opportunities} opportunities\n`);
    const loaded = await load(stack, contacts, opportunities, owners);
    process.stderr.write(`domain bench: writing ${historyEntries} history entries\n`);
    const chronicle = await historyOf(stack, historyEntries, owners[0] as string);
    const rep = await stack.tokenFor('rep1');
    const manager = await stack.tokenFor('manager');
    const api = stack.apiUrl;
    const firstHistoryPage = await fetch(`${api}/contacts/${chronicle}/history?limit=50`, { headers: { Authorization: `Bearer ${rep}` } });
    const { continuation } = (await firstHistoryPage.json()) as { continuation: string };
    process.stderr.write('domain bench: measuring\n');
    return {
      loaded: { contacts, opportunities, historyEntries, loadSeconds: loaded.seconds },
      contactsFilteredFirstPageMs: await measure(`${api}/contacts?ownerId=${owners[1]}&limit=50`, rep),
      contactsKeywordSearchFirstPageMs: await measure(`${api}/contacts?q=${encodeURIComponent('Chen42')}&limit=50`, rep),
      opportunitiesFilteredFirstPageMs: await measure(`${api}/opportunities?status=open&stage=propose&limit=50`, manager),
      opportunitiesKeywordSearchAsRepMs: await measure(`${api}/opportunities?q=${encodeURIComponent('deal 4')}&limit=50`, rep),
      historyFirstPageMs: await measure(`${api}/contacts/${chronicle}/history?limit=50`, rep),
      historyLaterPageMs: await measure(`${api}/contacts/${chronicle}/history?limit=50&continuation=${encodeURIComponent(continuation)}`, rep),
    };
  } finally {
    await stack.close();
  }
}
