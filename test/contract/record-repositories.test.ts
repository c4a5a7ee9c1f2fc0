/**
 * The data layer's contract, run against the local Cosmos server — and against a real Azure
 * Cosmos DB account when COSMOS_ENDPOINT (and COSMOS_KEY) are set, in a throwaway database.
 */
import { randomUUID } from 'node:crypto';
import type { CosmosClient, Database } from '@azure/cosmos';
import { CosmosAccountRepository } from '../../functions/infra/cosmos/account.repository';
import { CONTAINERS, ensureDatabase } from '../../functions/infra/cosmos/containers';
import { CosmosContactRepository } from '../../functions/infra/cosmos/contact.repository';
import { createCosmosClient } from '../../functions/infra/cosmos/cosmos-client';
import { CosmosEmailIndex } from '../../functions/infra/cosmos/email-index';
import { startLocalCosmos, type LocalCosmos } from '../../local/cosmos/cosmos-server';
import type { AccountRecord } from '../../shared/domain/account';
import type { ContactRecord } from '../../shared/domain/contact';
import { AppError } from '../../shared/domain/errors';

const real = process.env.COSMOS_ENDPOINT && process.env.COSMOS_KEY ? { endpoint: process.env.COSMOS_ENDPOINT, key: process.env.COSMOS_KEY } : undefined;
const target = real ? `Azure Cosmos DB at ${new URL(real.endpoint).host}` : 'the local Cosmos server';

let local: LocalCosmos | undefined;
let client: CosmosClient;
let database: Database;
let accounts: CosmosAccountRepository;
let contacts: CosmosContactRepository;
let emailIndex: CosmosEmailIndex;
const tenantA = randomUUID();
const tenantB = randomUUID();

function account(tenantId: string, name: string, extra: Partial<AccountRecord> = {}): AccountRecord {
  const now = new Date().toISOString();
  return { id: randomUUID(), tenantId, name, type: 'customer', emailDomains: [], ownerId: 'u1', createdAt: now, createdBy: 'u1', updatedAt: now, updatedBy: 'u1', deletedAt: null, ...extra };
}

function contact(tenantId: string, lastName: string, extra: Partial<ContactRecord> = {}): ContactRecord {
  const now = new Date().toISOString();
  return { id: randomUUID(), tenantId, lastName, emails: [], phones: [], ownerId: 'u1', createdAt: now, createdBy: 'u1', updatedAt: now, updatedBy: 'u1', deletedAt: null, ...extra };
}

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  await expect(promise).rejects.toBeInstanceOf(AppError);
  await promise.catch((error: AppError) => expect(error.code).toBe(code));
}

beforeAll(async () => {
  if (real) {
    client = createCosmosClient(real);
  } else {
    local = await startLocalCosmos();
    client = createCosmosClient({ endpoint: local.endpoint, key: local.key, caCertPem: local.caCertPem });
  }
  database = await ensureDatabase(client, `contract-${Date.now()}`);
  accounts = new CosmosAccountRepository(database.container(CONTAINERS.accounts));
  contacts = new CosmosContactRepository(database.container(CONTAINERS.contacts));
  emailIndex = new CosmosEmailIndex(database.container(CONTAINERS.emailIndex));
}, 120_000);

afterAll(async () => {
  if (real) await database?.delete();
  await local?.close();
});

describe(`record repositories against ${target}`, () => {
  it('creates, reads back with an ETag, and refuses a duplicate id', async () => {
    const record = account(tenantA, 'Contract One');
    const created = await accounts.create(record);
    expect(created.etag).toEqual(expect.any(String));
    expect(await accounts.get(tenantA, record.id)).toEqual(created);
    await expectCode(accounts.create(record), 'CONFLICT');
  });

  it('never returns another tenant’s record, by id or in lists', async () => {
    const record = await accounts.create(account(tenantA, 'Tenant A Only'));
    expect(await accounts.get(tenantB, record.id)).toBeNull();
    expect(await accounts.getMany(tenantB, [record.id])).toEqual([]);
    const page = await accounts.list(tenantB, { keywords: ['tenant'] }, { limit: 50 });
    expect(page.items).toEqual([]);
  });

  it('replaces only with the current ETag', async () => {
    const created = await accounts.create(account(tenantA, 'Optimistic'));
    const { etag, ...record } = created;
    const saved = await accounts.replace({ ...record, industry: 'Energy' }, etag);
    expect(saved.etag).not.toBe(etag);
    await expectCode(accounts.replace({ ...record, industry: 'Retail' }, etag), 'PRECONDITION_FAILED');
    expect((await accounts.get(tenantA, record.id))?.industry).toBe('Energy');
  });

  it('lets exactly one of many concurrent writers with the same ETag win', async () => {
    const created = await accounts.create(account(tenantA, 'Contended'));
    const { etag, ...record } = created;
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, n) => accounts.replace({ ...record, industry: `v${n}` }, etag)));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    for (const result of results) if (result.status === 'rejected') expect((result.reason as AppError).code).toBe('PRECONDITION_FAILED');
  });

  it('pages live records in name order with filters and keywords', async () => {
    const tenant = randomUUID();
    for (const name of ['Delta', 'alpha', 'Charlie', 'bravo', 'Echo']) await accounts.create(account(tenant, name, { type: name === 'Echo' ? 'partner' : 'customer' }));
    const gone = await accounts.create(account(tenant, 'Foxtrot'));
    const { etag, ...record } = gone;
    await accounts.replace({ ...record, deletedAt: new Date().toISOString() }, etag);
    const first = await accounts.list(tenant, { type: 'customer' }, { limit: 3 });
    expect(first.items.map((item) => item.name)).toEqual(['alpha', 'bravo', 'Charlie']);
    const second = await accounts.list(tenant, { type: 'customer' }, { limit: 3, continuation: first.continuation ?? undefined });
    expect(second.items.map((item) => item.name)).toEqual(['Delta']);
    expect(second.continuation).toBeNull();
    expect((await accounts.list(tenant, { keywords: ['echo'] }, { limit: 10 })).items.map((item) => item.name)).toEqual(['Echo']);
    expect((await accounts.list(tenant, { keywords: ['foxtrot'] }, { limit: 10 })).items).toEqual([]);
  });

  it('finds contacts whose copy of the account name is stale', async () => {
    const tenant = randomUUID();
    const owner = await accounts.create(account(tenant, 'New Name'));
    await contacts.create(contact(tenant, 'Stale', { accountId: owner.id, accountName: 'Old Name' }));
    await contacts.create(contact(tenant, 'Fresh', { accountId: owner.id, accountName: 'New Name' }));
    const stale = await contacts.listWithStaleAccountName(tenant, owner.id, 'New Name', 10);
    expect(stale.map((item) => item.lastName)).toEqual(['Stale']);
  });

  it('keeps the e-mail index per tenant, without duplicates, under concurrent writers', async () => {
    const address = `shared-${randomUUID()}@example.com`;
    const ids = Array.from({ length: 8 }, () => randomUUID());
    await Promise.all(ids.map((id) => emailIndex.add(tenantA, address, id)));
    await emailIndex.add(tenantA, address.toUpperCase(), ids[0] as string);
    expect((await emailIndex.contactIdsFor(tenantA, address)).sort()).toEqual([...ids].sort());
    expect(await emailIndex.contactIdsFor(tenantB, address)).toEqual([]);
    await emailIndex.remove(tenantA, address, ids[0] as string);
    expect(await emailIndex.contactIdsFor(tenantA, address)).toHaveLength(7);
  });
});
