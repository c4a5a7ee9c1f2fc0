/** Importing contacts and accounts over HTTP: upload → preview → adjust → commit → poll, as a pane does it. */
import { InvocationContext } from '@azure/functions';
import type { ImportJob } from '../../shared/contracts/imports.contract';
import { onImportJob } from '../../functions/triggers/import-jobs.trigger';
import { emptyProgress } from '../../shared/domain/import-job';
import { eventually } from '../support/api-client';
import { useLocalStack } from '../support/use-local-stack';

type Problem = { code: string; errors?: Array<{ field: string; message: string }> };
type Lookup = { matches: Array<{ contact: { id: string; firstName?: string; accountId?: string }; account: { id: string; name: string } | null }> };

const { stack, call, tokens } = useLocalStack({ changeFeedPollMs: 100, queuePollMs: 100, users: ['rep1'] });
let rep: string;
let tenantId: string;
let existingContactId: string;
let existingAccountId: string;
const quiet = () => new InvocationContext({ functionName: 'import-job', logHandler: () => undefined });

beforeAll(async () => {
  rep = tokens.rep1;
  tenantId = (await stack.services.authenticate(`Bearer ${rep}`)).tenantId;
  const account = await call<{ id: string }>('POST', 'accounts', { token: rep, body: { name: 'Société Existante' } });
  existingAccountId = account.body.id;
  const contact = await call<{ id: string }>('POST', 'contacts', { token: rep, body: { lastName: 'Known', emails: [{ address: 'known@dup.example' }] } });
  existingContactId = contact.body.id;
});

/** French Excel: `;`, a BOM, CRLF. Row 2 is already in the CRM, row 3 is invalid, row 4 repeats row 1. */
const FRENCH_CSV = [
  '\uFEFFPrénom;Nom;Courriel;Société;Portable',
  'Alice;Martin;alice@import.example;Importco;+33 6 12 34 56 78',
  'Bob;Durand;KNOWN@dup.example;Importco;',
  'Carl;Petit;pas-une-adresse;;',
  'Dora;Blanc;alice@import.example;;',
  'Eve;Roux;eve@import.example;societe existante;',
].join('\r\n');

async function upload(body: Record<string, unknown>, token = rep) {
  return call<ImportJob & Problem>('POST', 'imports', { token, body: { entity: 'contact', format: 'csv', fileName: 'contacts.csv', ...body } });
}

async function commitAndWait(job: { id: string; etag: string }): Promise<ImportJob> {
  const committed = await call<ImportJob>('POST', `imports/${job.id}/commit`, { token: rep, headers: { 'If-Match': job.etag } });
  expect(committed.status).toBe(202);
  expect(committed.body.status).toBe('queued');
  let last: ImportJob | undefined;
  await eventually(async () => {
    last = (await call<ImportJob>('GET', `imports/${job.id}`, { token: rep })).body;
    return last.status === 'completed' || last.status === 'failed';
  }, 30000);
  return last as ImportJob;
}

async function lookup(email: string): Promise<Lookup> {
  return (await call<Lookup>('GET', `contacts/lookup?email=${encodeURIComponent(email)}`, { token: rep })).body;
}

describe('a French CSV with a duplicate and an invalid row', () => {
  let job: ImportJob;

  it('previews it: columns, suggested mapping, each row mapped with its action, errors and duplicates', async () => {
    const uploaded = await upload({ content: FRENCH_CSV });
    expect(uploaded.status).toBe(201);
    expect(uploaded.headers.get('location')).toBe(`/api/imports/${uploaded.body.id}`);
    expect(uploaded.headers.get('etag')).toBe(uploaded.body.etag);
    job = uploaded.body;
    expect(job).toMatchObject({ status: 'preview', entity: 'contact', columns: ['Prénom', 'Nom', 'Courriel', 'Société', 'Portable'], duplicatePolicy: 'skip' });
    expect(job.mapping).toEqual({ firstName: 'Prénom', lastName: 'Nom', email: 'Courriel', company: 'Société', mobile: 'Portable' });
    const rows = job.preview?.rows ?? [];
    expect(rows.map((row) => [row.row, row.action])).toEqual([[1, 'create'], [2, 'skip-duplicate'], [3, 'invalid'], [4, 'skip-duplicate'], [5, 'create']]);
    expect(rows[0]?.record).toMatchObject({ firstName: 'Alice', lastName: 'Martin', emails: [{ address: 'alice@import.example', label: 'work' }], phones: [{ number: '+33 6 12 34 56 78', label: 'mobile' }] });
    expect(rows[0]?.company).toEqual({ name: 'Importco', accountId: null });
    expect(rows[1]?.duplicates).toEqual([{ field: 'emails.0.address', value: 'known@dup.example', existingId: existingContactId, existingName: 'Known' }]);
    expect(rows[2]?.errors).toEqual([{ field: 'emails.0.address', column: 'Courriel', message: 'must be a valid e-mail address' }]);
    expect(rows[3]?.duplicates).toEqual([{ field: 'emails.0.address', value: 'alice@import.example', row: 1 }]);
    expect(rows[4]?.company).toEqual({ name: 'societe existante', accountId: existingAccountId });
    expect(job.preview?.summary).toEqual({ total: 5, invalid: 1, duplicatesInFile: 1 });
  });

  it('recomputes the preview when the duplicate policy or the mapping changes (If-Match)', async () => {
    expect((await call('PATCH', `imports/${job.id}`, { token: rep, body: { duplicatePolicy: 'create-anyway' } })).status).toBe(428);
    const anyway = await call<ImportJob>('PATCH', `imports/${job.id}`, { token: rep, body: { duplicatePolicy: 'create-anyway', mapping: { mobile: null } }, headers: { 'If-Match': job.etag } });
    expect(anyway.status).toBe(200);
    expect(anyway.body.preview?.rows.map((row) => row.action)).toEqual(['create', 'create', 'invalid', 'create', 'create']);
    expect(anyway.body.preview?.rows[0]?.record).toMatchObject({ phones: [] });
    const stale = await call<Problem>('PATCH', `imports/${job.id}`, { token: rep, body: { duplicatePolicy: 'skip' }, headers: { 'If-Match': job.etag } });
    expect(stale.status).toBe(412);
    const back = await call<ImportJob>('PATCH', `imports/${job.id}`, { token: rep, body: { duplicatePolicy: 'skip', mapping: { mobile: 'Portable' } }, headers: { 'If-Match': anyway.body.etag } });
    expect(back.body.preview?.rows.map((row) => row.action)).toEqual(['create', 'skip-duplicate', 'invalid', 'skip-duplicate', 'create']);
    job = back.body;
  });

  it('refuses a mapping to an unknown field or to a column the file does not have, naming it', async () => {
    const wrong = await call<Problem>('PATCH', `imports/${job.id}`, { token: rep, body: { mapping: { shoeSize: 'Nom', city: 'Ville' } }, headers: { 'If-Match': job.etag } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors?.map((error) => error.field)).toEqual(['mapping.shoeSize', 'mapping.city']);
  });

  it('imports in the background: creates the valid rows, skips the duplicates, reports the invalid row with its field', async () => {
    const done = await commitAndWait(job);
    expect(done.status).toBe('completed');
    expect(done.progress).toEqual({ total: 5, processed: 5, created: 2, skipped: 2, failed: 1 });
    expect(done.rowErrors).toEqual([{ row: 3, field: 'emails.0.address', column: 'Courriel', message: 'must be a valid e-mail address' }]);
    expect(done.rowErrorCount).toBe(1);
    expect(done.skippedRows.map((row) => [row.row, row.field, row.duplicateOf ?? row.duplicateOfRow])).toEqual([[2, 'emails.0.address', existingContactId], [4, 'emails.0.address', 1]]);
    expect(done.preview).toBeUndefined();

    const alice = await lookup('alice@import.example');
    expect(alice.matches).toHaveLength(1);
    expect(alice.matches[0]?.account?.name).toBe('Importco');
    const eve = await lookup('eve@import.example');
    expect(eve.matches[0]?.account?.id).toBe(existingAccountId);
    expect((await lookup('known@dup.example')).matches.map((match) => match.contact.id)).toEqual([existingContactId]);
  });

  it('creates nothing twice when the queue delivers the message again, even after progress was lost', async () => {
    await onImportJob(stack.services, { tenantId, jobId: job.id }, quiet());
    // As if the run had died after writing every row but before saving any progress.
    const stored = await stack.services.deps.stores.importJobs.get(tenantId, job.id);
    if (!stored) throw new Error('job vanished');
    const { etag, ...record } = stored;
    await stack.services.deps.stores.importJobs.replace({ ...record, status: 'running', nextRowIndex: 0, progress: emptyProgress(5), rowErrors: [], rowErrorCount: 0, skippedRows: [] }, etag);
    await onImportJob(stack.services, { tenantId, jobId: job.id }, quiet());

    const again = (await call<ImportJob>('GET', `imports/${job.id}`, { token: rep })).body;
    expect(again.status).toBe('completed');
    expect(again.progress).toEqual({ total: 5, processed: 5, created: 2, skipped: 2, failed: 1 });
    expect((await lookup('alice@import.example')).matches).toHaveLength(1);
    expect((await lookup('eve@import.example')).matches).toHaveLength(1);
    const importcos = await call<{ items: unknown[] }>('GET', 'accounts?q=importco', { token: rep });
    expect(importcos.body.items).toHaveLength(1);
  });

  it('cannot be changed or committed again once committed', async () => {
    const current = (await call<ImportJob>('GET', `imports/${job.id}`, { token: rep })).body;
    const patch = await call<Problem>('PATCH', `imports/${job.id}`, { token: rep, body: { duplicatePolicy: 'create-anyway' }, headers: { 'If-Match': current.etag } });
    expect(patch.status).toBe(409);
    const commit = await call<Problem>('POST', `imports/${job.id}/commit`, { token: rep, headers: { 'If-Match': current.etag } });
    expect(commit.status).toBe(409);
  });
});

describe('vCards', () => {
  it('imports three contacts from one file', async () => {
    const vcf = [
      'BEGIN:VCARD', 'VERSION:3.0', 'N:Lovelace;Ada;;;', 'FN:Ada Lovelace', 'ORG:Analytical Engines\\, Ltd', 'TITLE:Mathematician',
      'EMAIL;TYPE=INTERNET,WORK:ada@engines.example', 'EMAIL;TYPE=INTERNET,HOME:ada@home.example', 'TEL;TYPE=CELL:+44 7700 900001', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:4.0', 'FN:Grace Hopper', 'N:Hopper;Grace;;;', 'EMAIL;TYPE=work:grace@navy.example', 'TEL;VALUE=uri;TYPE=work:tel:+1-202-555-0100', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:3.0', 'N:Hamilton;Marg', ' aret;;;', 'EMAIL:margaret@apollo.example', 'END:VCARD', '',
    ].join('\r\n');
    const uploaded = await upload({ format: 'vcard', fileName: 'people.vcf', content: vcf });
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.preview?.rows.map((row) => row.action)).toEqual(['create', 'create', 'create']);
    const done = await commitAndWait(uploaded.body);
    expect(done.progress).toMatchObject({ total: 3, created: 3, failed: 0 });
    const ada = await lookup('ada@home.example');
    expect(ada.matches[0]?.account?.name).toBe('Analytical Engines, Ltd');
    expect((await lookup('margaret@apollo.example')).matches[0]?.contact.firstName).toBe('Margaret');
    expect((await lookup('grace@navy.example')).matches).toHaveLength(1);
  });
});

describe('accounts', () => {
  it('skips an account whose folded name or domain already exists', async () => {
    await call('POST', 'accounts', { token: rep, body: { name: 'Domain Holder', emailDomains: ['held.example'] } });
    const csv = 'Name,Type,Website,E-mail domains\nÉtoile SARL,Client,etoile.example,\nSOCIÉTÉ EXISTANTE,,,\nNew Name,partner,https://www.held.example,\n';
    const uploaded = await upload({ entity: 'account', content: csv });
    expect(uploaded.body.preview?.rows.map((row) => row.action)).toEqual(['create', 'skip-duplicate', 'skip-duplicate']);
    const done = await commitAndWait(uploaded.body);
    expect(done.progress).toMatchObject({ created: 1, skipped: 2 });
    const etoile = await call<{ items: Array<{ name: string; type: string; website: string }> }>('GET', 'accounts?q=etoile', { token: rep });
    expect(etoile.body.items).toEqual([expect.objectContaining({ name: 'Étoile SARL', type: 'customer', website: 'https://etoile.example' })]);
  });

  it('refuses vCards for accounts', async () => {
    const refused = await upload({ entity: 'account', format: 'vcard', content: 'BEGIN:VCARD\nN:X\nEND:VCARD' });
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]?.field).toBe('format');
  });
});

describe('long imports', () => {
  it('hand over to a fresh queue message after their time slice, and still finish', async () => {
    const rows = Array.from({ length: 7 }, (_, n) => `Slice${n},slice${n}@slices.example`);
    const uploaded = await upload({ content: ['Last name,E-mail', ...rows].join('\n') });
    // Queued without a message: this test plays the first delivery itself, with a tiny slice.
    const stored = await stack.services.deps.stores.importJobs.get(tenantId, uploaded.body.id);
    if (!stored) throw new Error('job vanished');
    const { etag, ...record } = stored;
    await stack.services.deps.stores.importJobs.replace({ ...record, status: 'queued' }, etag);
    await onImportJob(stack.services, { tenantId, jobId: uploaded.body.id }, quiet(), { batchRows: 2, sliceMs: 0 });
    const first = (await call<ImportJob>('GET', `imports/${uploaded.body.id}`, { token: rep })).body;
    expect(first.progress.processed).toBeGreaterThanOrEqual(2);
    await eventually(async () => (await call<ImportJob>('GET', `imports/${uploaded.body.id}`, { token: rep })).body.status === 'completed', 30000);
    expect((await call<ImportJob>('GET', `imports/${uploaded.body.id}`, { token: rep })).body.progress).toMatchObject({ processed: 7, created: 7 });
  });
});

describe('files that cannot be imported', () => {
  it('refuses a quoted field never closed, naming the content and the line', async () => {
    const refused = await upload({ content: 'Last name,Note\nLee,"never closed\n' });
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]).toEqual({ field: 'content', message: expect.stringContaining('line 2') });
  });

  it('refuses a header without rows, and content over 200 KiB', async () => {
    expect((await upload({ content: 'Last name,E-mail\n' })).body.errors?.[0]?.field).toBe('content');
    const big = await upload({ content: `Last name\n${'x'.repeat(201 * 1024)}` });
    expect(big.status).toBe(400);
    expect(big.body.errors?.[0]?.field).toBe('content');
  });
});

describe('who may import and see imports', () => {
  let jobId: string;

  beforeAll(async () => {
    jobId = (await upload({ content: 'Last name\nPrivate' })).body.id;
  });

  it('lists the caller’s own jobs, newest first', async () => {
    const list = await call<{ items: ImportJob[] }>('GET', 'imports?limit=3', { token: rep });
    expect(list.status).toBe(200);
    expect(list.body.items[0]?.id).toBe(jobId);
    expect(list.body.items[0]?.preview).toBeUndefined();
    const others = await call<{ items: ImportJob[] }>('GET', 'imports', { token: await stack.tokenFor('rep2') });
    expect(others.body.items.map((item) => item.id)).not.toContain(jobId);
  });

  it('hides a job from another tenant (404)', async () => {
    const outsider = await stack.tokenFor('other-admin');
    expect((await call('GET', `imports/${jobId}`, { token: outsider })).status).toBe(404);
    expect((await call('PATCH', `imports/${jobId}`, { token: outsider, body: { duplicatePolicy: 'skip' }, headers: { 'If-Match': '*' } })).status).toBe(404);
  });

  it('hides it from a colleague, but shows it to a manager helping out', async () => {
    expect((await call('GET', `imports/${jobId}`, { token: await stack.tokenFor('rep2') })).status).toBe(404);
    expect((await call('GET', `imports/${jobId}`, { token: await stack.tokenFor('manager') })).status).toBe(200);
  });

  it('refuses read-only users (403), and marketing for accounts', async () => {
    const readOnly = await upload({ content: 'Last name\nX' }, await stack.tokenFor('readonly'));
    expect(readOnly.status).toBe(403);
    const marketing = await upload({ entity: 'account', content: 'Name\nX' }, await stack.tokenFor('marketing'));
    expect(marketing.status).toBe(403);
  });
});
