/** Import (upload → preview → adjust → commit → poll) and export of contacts and accounts. */
import { api } from '../../shared/contracts/api.contract';
import type { ExportFile, ImportJob, ImportPreview } from '../../shared/contracts/imports.contract';
import { AppError } from '../../shared/domain/errors';
import { redactRecord } from '../../shared/domain/field-security';
import type { ImportJobRecord } from '../../shared/domain/import-job';
import type { Versioned } from '../../shared/domain/record';
import { accountsToCsv, contactsToCsv, contactsToVCards } from '../../shared/domain/record-export';
import { exportAccounts, exportContacts, exportGroup } from '../usecases/exports/export-records.usecase';
import { commitImport } from '../usecases/imports/commit-import.usecase';
import { createImport } from '../usecases/imports/create-import.usecase';
import { getImport, listImports } from '../usecases/imports/read-imports.usecase';
import { updateImport } from '../usecases/imports/update-import.usecase';
import { bind, callOf } from './endpoint-binding';
import { toHttpEtag } from './http-pipeline';
import { toAccount, toContact, toPage } from './record-mappers';

export function toImportJob(job: Versioned<ImportJobRecord>, preview?: ImportPreview): ImportJob {
  const { id, createdAt, createdBy, updatedAt, updatedBy, entity, format, fileName, status, columns, duplicatePolicy, progress } = job;
  const { rowErrors, rowErrorCount, skippedRows, failureReason, committedAt, completedAt, ownerId } = job;
  const mapping = Object.fromEntries(Object.entries(job.mapping).filter((entry): entry is [string, string] => entry[1] !== undefined));
  return {
    id, etag: toHttpEtag(job.etag), createdAt, createdBy, updatedAt, updatedBy, entity, format, fileName, status, columns, mapping, duplicatePolicy,
    progress, rowErrors, rowErrorCount, skippedRows, failureReason, committedAt, completedAt, ownerId, ...(preview ? { preview } : {}),
  };
}

/** `contacts-2026-11-28.csv`: the date of the export, in UTC. */
function exportFile(noun: string, extension: 'csv' | 'vcf', content: string, count: number, now: Date): ExportFile {
  const contentType = extension === 'csv' ? 'text/csv; charset=utf-8' : 'text/vcard; charset=utf-8';
  return { fileName: `${noun}-${now.toISOString().slice(0, 10)}.${extension}`, contentType, content, count };
}

export const importRoutes = [
  bind(api.createImport, async (input) => {
    const { job, preview } = await createImport(callOf(input), input.body);
    return { body: toImportJob(job, preview), etag: job.etag, headers: { Location: `/api/imports/${job.id}` } };
  }),
  bind(api.listImports, async (input) => {
    const { limit, continuation } = input.query;
    return { body: toPage(await listImports(callOf(input), { limit, continuation }), (job) => toImportJob(job)) };
  }),
  bind(api.getImport, async (input) => {
    const { job, preview } = await getImport(callOf(input), input.params.id);
    return { body: toImportJob(job, preview), etag: job.etag };
  }),
  bind(api.updateImport, async (input) => {
    const { job, preview } = await updateImport(callOf(input), input.params.id, input.body, input.ifMatch);
    return { body: toImportJob(job, preview), etag: job.etag };
  }),
  bind(api.commitImport, async (input) => {
    const job = await commitImport(callOf(input), input.params.id, input.ifMatch);
    return { body: toImportJob(job), etag: job.etag, headers: { Location: `/api/imports/${job.id}` } };
  }),
  // Files are built from the API representations (toContact/toAccount) with the caller's field
  // rules applied, as the pipeline applies them to JSON responses: what the API hides, the file omits.
  bind(api.exportContacts, async (input) => {
    const { format, delimiter, ...filters } = input.query;
    const call = callOf(input);
    const policy = await input.services.fieldPolicy(call.principal);
    const contacts = (await exportContacts(call, filters)).map((record) => redactRecord(policy, 'contact', toContact(record)));
    const now = call.deps.now();
    return {
      body: format === 'vcard' ? exportFile('contacts', 'vcf', contactsToVCards(contacts), contacts.length, now) : exportFile('contacts', 'csv', contactsToCsv(contacts, delimiter), contacts.length, now),
    };
  }),
  bind(api.exportAccounts, async (input) => {
    const { format: _csv, delimiter, ...filters } = input.query;
    const call = callOf(input);
    const policy = await input.services.fieldPolicy(call.principal);
    const accounts = (await exportAccounts(call, filters)).map((record) => redactRecord(policy, 'account', toAccount(record)));
    return { body: exportFile('accounts', 'csv', accountsToCsv(accounts, delimiter), accounts.length, call.deps.now()) };
  }),
  bind(api.exportGroup, async (input) => {
    const { format, delimiter } = input.query;
    const call = callOf(input);
    const policy = await input.services.fieldPolicy(call.principal);
    const group = await exportGroup(call, input.params.id, policy);
    const now = call.deps.now();
    if (group.entity === 'account') {
      if (format === 'vcard') throw new AppError('VALIDATION', 'vCard is for contacts; export an account group as CSV.', { issues: [{ field: 'format', message: 'must be csv for an account group' }] });
      const accounts = group.records.map((record) => redactRecord(policy, 'account', toAccount(record)));
      return { body: exportFile('accounts', 'csv', accountsToCsv(accounts, delimiter), accounts.length, now) };
    }
    const contacts = group.records.map((record) => redactRecord(policy, 'contact', toContact(record)));
    return {
      body: format === 'vcard' ? exportFile('contacts', 'vcf', contactsToVCards(contacts), contacts.length, now) : exportFile('contacts', 'csv', contactsToCsv(contacts, delimiter), contacts.length, now),
    };
  }),
];
