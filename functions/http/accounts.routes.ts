import { api } from '../../shared/contracts/api.contract';
import { createAccount } from '../usecases/accounts/create-account.usecase';
import { deleteAccount } from '../usecases/accounts/delete-account.usecase';
import { getAccount, listAccounts } from '../usecases/accounts/read-accounts.usecase';
import { updateAccount } from '../usecases/accounts/update-account.usecase';
import { bind, callOf } from './endpoint-binding';
import { toAccount, toPage } from './record-mappers';

export const accountRoutes = [
  bind(api.listAccounts, async (input) => ({ body: toPage(await listAccounts(callOf(input), input.query), toAccount) })),
  bind(api.createAccount, async (input) => {
    const account = await createAccount(callOf(input), input.body);
    return { body: toAccount(account), etag: account.etag, headers: { Location: `/api/accounts/${account.id}` } };
  }),
  bind(api.getAccount, async (input) => {
    const account = await getAccount(callOf(input), input.params.id);
    return { body: toAccount(account), etag: account.etag };
  }),
  bind(api.updateAccount, async (input) => {
    const account = await updateAccount(callOf(input), input.params.id, input.body, input.ifMatch);
    return { body: toAccount(account), etag: account.etag };
  }),
  bind(api.deleteAccount, async (input) => {
    await deleteAccount(callOf(input), input.params.id, input.ifMatch);
    return {};
  }),
];
