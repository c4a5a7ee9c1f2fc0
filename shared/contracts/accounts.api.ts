import { Account, AccountCreate, AccountIdParams, AccountListQuery, AccountPage, AccountUpdate } from './accounts.contract';
import { defineEndpoint } from './endpoint';

export const accountEndpoints = {  listAccounts: defineEndpoint({
    id: 'listAccounts', method: 'GET', path: 'accounts', tag: 'accounts', auth: 'user', status: 200,
    summary: 'Lists accounts by name, filtered, one page at a time.', query: AccountListQuery, response: AccountPage,
  }),
  createAccount: defineEndpoint({
    id: 'createAccount', method: 'POST', path: 'accounts', tag: 'accounts', auth: 'user', status: 201, etag: true,
    summary: 'Creates an account.', body: AccountCreate, response: Account, errors: [403, 413, 415],
  }),
  getAccount: defineEndpoint({
    id: 'getAccount', method: 'GET', path: 'accounts/{id}', tag: 'accounts', auth: 'user', status: 200, etag: true,
    summary: 'Reads one account.', params: AccountIdParams, response: Account, errors: [404],
  }),
  updateAccount: defineEndpoint({
    id: 'updateAccount', method: 'PATCH', path: 'accounts/{id}', tag: 'accounts', auth: 'user', status: 200, etag: true, ifMatch: true,
    summary: 'Changes the given fields of an account (merge-patch).', params: AccountIdParams, body: AccountUpdate, response: Account,
    errors: [403, 404, 412, 428],
  }),
  deleteAccount: defineEndpoint({
    id: 'deleteAccount', method: 'DELETE', path: 'accounts/{id}', tag: 'accounts', auth: 'user', status: 204, ifMatch: true,
    summary: 'Deletes an account (kept as a tombstone for sync).', params: AccountIdParams, errors: [403, 404, 412, 428],
  }),
} as const;
