import { defineEndpoint } from './endpoint';
import {
  ExportAccountsQuery,
  ExportContactsQuery,
  ExportFile,
  ExportGroupQuery,
  ImportCreate,
  ImportIdParams,
  ImportJob,
  ImportJobPage,
  ImportListQuery,
  ImportUpdate,
} from './imports.contract';

export const importEndpoints = {
  createImport: defineEndpoint({
    id: 'createImport', method: 'POST', path: 'imports', tag: 'imports', auth: 'user', status: 201, etag: true,
    summary: 'Uploads a CSV or vCard file: stores it, suggests a column mapping and previews the first rows with their errors and duplicates.',
    body: ImportCreate, response: ImportJob, errors: [403, 413, 415],
  }),
  listImports: defineEndpoint({
    id: 'listImports', method: 'GET', path: 'imports', tag: 'imports', auth: 'user', status: 200,
    summary: "The caller's import jobs, newest first.", query: ImportListQuery, response: ImportJobPage,
  }),
  getImport: defineEndpoint({
    id: 'getImport', method: 'GET', path: 'imports/{id}', tag: 'imports', auth: 'user', status: 200, etag: true,
    summary: 'One import job: status, progress and row errors (what a pane polls), and the preview while it is not committed.',
    params: ImportIdParams, response: ImportJob, errors: [404],
  }),
  updateImport: defineEndpoint({
    id: 'updateImport', method: 'PATCH', path: 'imports/{id}', tag: 'imports', auth: 'user', status: 200, etag: true, ifMatch: true,
    summary: 'Changes the column mapping or the duplicate policy of an uncommitted import; the preview is recomputed.',
    params: ImportIdParams, body: ImportUpdate, response: ImportJob, errors: [403, 404, 409, 412, 428],
  }),
  commitImport: defineEndpoint({
    id: 'commitImport', method: 'POST', path: 'imports/{id}/commit', tag: 'imports', auth: 'user', status: 202, etag: true, ifMatch: true,
    summary: 'Starts the import in the background; poll the job for its progress.',
    params: ImportIdParams, response: ImportJob, errors: [403, 404, 409, 412, 428],
  }),
  exportContacts: defineEndpoint({
    id: 'exportContacts', method: 'GET', path: 'exports/contacts', tag: 'imports', auth: 'user', status: 200,
    summary: 'Every contact matching the filters as one CSV or vCard file (at most 10,000: narrow the filters above that).',
    query: ExportContactsQuery, response: ExportFile, errors: [403, 413],
  }),
  exportAccounts: defineEndpoint({
    id: 'exportAccounts', method: 'GET', path: 'exports/accounts', tag: 'imports', auth: 'user', status: 200,
    summary: 'Every account matching the filters as one CSV file (at most 10,000: narrow the filters above that).',
    query: ExportAccountsQuery, response: ExportFile, errors: [403, 413],
  }),
  exportGroup: defineEndpoint({
    id: 'exportGroup', method: 'GET', path: 'exports/groups/{id}', tag: 'imports', auth: 'user', status: 200,
    summary: 'The members of a contact or account group, as you may see them, as one CSV (or vCard for contacts) file.',
    params: ImportIdParams, query: ExportGroupQuery, response: ExportFile, errors: [403, 404, 413],
  }),
} as const;
