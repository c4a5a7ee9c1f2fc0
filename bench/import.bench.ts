/**
 * A 10,000-row contact import with duplicate detection, through the import use cases and the
 * queue handler, against an in-memory local stack. The file is larger than the 200 KiB an HTTP
 * upload takes, so it is handed to the upload use case directly (as a direct-to-blob upload will).
 * Some rows repeat people already in the CRM (5%), some repeat an earlier row (2%), some are
 * invalid (1%); companies are 200 names, half of them existing accounts.
 *
 * The local Cosmos server runs in this process, so the figure is CPU-bound by it: a baseline of
 * plain createContact calls at the same concurrency says what the platform itself allows. The
 * change-feed handlers (audit repair, account names) are held back during the run: in Azure they
 * run elsewhere, here they would share the one CPU with the import.
 */
import { createAccount } from '../functions/usecases/accounts/create-account.usecase';
import { createContact } from '../functions/usecases/contacts/create-contact.usecase';
import { commitImport } from '../functions/usecases/imports/commit-import.usecase';
import { createImport } from '../functions/usecases/imports/create-import.usecase';
import type { UseCaseCall } from '../functions/usecases/usecase-context';
import { writeCsv } from '../shared/domain/csv';
import type { ImportJobRecord } from '../shared/domain/import-job';
import { scopeOf } from '../shared/domain/record-access';
import { DEMO_TENANT_ID, findDemoUser } from '../local/identity/demo-directory';
import { startLocalStack } from '../local/stack';
import { inParallel } from './stats';

const COMPANIES = 200;

function generatedCsv(rows: number): string {
  const lines = [['Prénom', 'Nom', 'Courriel', 'Société', 'Téléphone', 'Ville']];
  for (let n = 0; n < rows; n += 1) {
    let email = `person${n}@bench${n % COMPANIES}.example`;
    if (n % 20 === 1) email = `existing${n}@crm.example`; // already in the CRM
    if (n % 50 === 2 && n > 2) email = `person${n - 1}@bench${(n - 1) % COMPANIES}.example`; // repeats the row before
    if (n % 100 === 3) email = 'not-an-address';
    lines.push([`First${n}`, `Last${n}`, email, `Bench Company ${n % COMPANIES}`, `+33 1 23 45 ${String(n % 100).padStart(2, '0')} ${String(n % 97).padStart(2, '0')}`, 'Paris']);
  }
  return writeCsv(lines, { delimiter: ';', bom: true });
}

async function waitUntilDone(call: UseCaseCall, jobId: string): Promise<ImportJobRecord> {
  for (;;) {
    const job = await call.deps.stores.importJobs.get(call.principal.tenantId, jobId);
    if (job && (job.status === 'completed' || job.status === 'failed')) return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Rows per second of plain createContact calls, 32 at a time (the import's concurrency). */
async function baselineCreates(call: UseCaseCall, count: number): Promise<number> {
  const started = performance.now();
  await inParallel(Array.from({ length: count }, (_, n) => n), 32, async (n) => {
    await createContact(call, { lastName: `Baseline${n}`, emails: [{ address: `baseline${n}@baseline.example`, label: 'work' }], phones: [] });
  });
  return Math.round(count / ((performance.now() - started) / 1000));
}

/** Seconds from commit to completed, and rows per second; the upload and its preview are timed apart. */
export async function benchImport(rows = 10_000): Promise<Record<string, unknown>> {
  const stack = await startLocalStack({ queuePollMs: 100, changeFeedPollMs: 600_000 });
  try {
    const admin = findDemoUser('admin');
    if (!admin) throw new Error('no admin demo user');
    const principal = { tenantId: DEMO_TENANT_ID, userId: admin.userId, displayName: admin.displayName, email: admin.email, roles: admin.roles, scopes: [] };
    const call: UseCaseCall = { deps: stack.services.deps, principal, scope: scopeOf(admin.userId, []) };
    await inParallel(Array.from({ length: COMPANIES / 2 }, (_, n) => n), 16, async (n) => {
      await createAccount(call, { name: `Bench Company ${n * 2}`, type: 'customer' });
    });
    const existing = Array.from({ length: Math.ceil(rows / 20) }, (_, k) => k * 20 + 1).filter((n) => n < rows);
    await inParallel(existing, 16, async (n) => {
      await createContact(call, { lastName: `Existing${n}`, emails: [{ address: `existing${n}@crm.example`, label: 'work' }], phones: [] });
    });

    const baseline = await baselineCreates(call, 2_000);
    const content = generatedCsv(rows);
    const uploadStarted = performance.now();
    const { job } = await createImport(call, { entity: 'contact', format: 'csv', fileName: 'bench.csv', content });
    const uploadSeconds = (performance.now() - uploadStarted) / 1000;

    const started = performance.now();
    await commitImport(call, job.id, job.etag);
    const done = await waitUntilDone(call, job.id);
    const seconds = (performance.now() - started) / 1000;
    return {
      rows,
      fileKiB: Math.round(Buffer.byteLength(content) / 1024),
      uploadAndPreviewSeconds: Math.round(uploadSeconds * 100) / 100,
      seconds: Math.round(seconds * 10) / 10,
      rowsPerSecond: Math.round(rows / seconds),
      baselineCreateContactRowsPerSecond: baseline,
      status: done.status,
      progress: done.progress,
      target: 'seconds <= 30',
    };
  } finally {
    await stack.close();
  }
}
