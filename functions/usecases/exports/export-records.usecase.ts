/**
 * Every record matching a list's filters, for a file export. It pages through the list use
 * cases themselves, so an export sees exactly what the lists show the caller (operations,
 * record-level access) and nothing more, and it is capped so one request cannot pull a whole
 * tenant: above the cap the caller is told which filters narrow it.
 */
import type { ExportAccountsQuery, ExportContactsQuery } from '../../../shared/contracts/imports.contract';
import type { AccountRecord } from '../../../shared/domain/account';
import type { ContactRecord } from '../../../shared/domain/contact';
import { AppError } from '../../../shared/domain/errors';
import type { Page, PageRequest, Versioned } from '../../../shared/domain/record';
import { listAccounts } from '../accounts/read-accounts.usecase';
import { listContacts } from '../contacts/read-contacts.usecase';
import type { UseCaseCall } from '../usecase-context';

export const MAX_EXPORT_ROWS = 10_000;
const PAGE_SIZE = 200;

export type ContactExportFilter = Omit<ExportContactsQuery, 'format' | 'delimiter'>;
export type AccountExportFilter = Omit<ExportAccountsQuery, 'format' | 'delimiter'>;

export function exportContacts(call: UseCaseCall, filter: ContactExportFilter): Promise<Array<Versioned<ContactRecord>>> {
  return collectAll((page) => listContacts(call, { ...filter, ...page }), 'contacts', ['q', 'accountId', 'ownerId']);
}

export function exportAccounts(call: UseCaseCall, filter: AccountExportFilter): Promise<Array<Versioned<AccountRecord>>> {
  return collectAll((page) => listAccounts(call, { ...filter, ...page }), 'accounts', ['q', 'type', 'industry', 'ownerId']);
}

async function collectAll<T>(list: (page: PageRequest) => Promise<Page<T>>, noun: string, filters: string[]): Promise<T[]> {
  const items: T[] = [];
  let continuation: string | undefined;
  do {
    const page = await list({ limit: PAGE_SIZE, continuation });
    items.push(...page.items);
    if (items.length > MAX_EXPORT_ROWS) {
      const message = `more than ${MAX_EXPORT_ROWS} ${noun} match; narrow the export with ${filters.join(', ')}`;
      throw new AppError('PAYLOAD_TOO_LARGE', `The export is too large: ${message}.`, { issues: filters.map((field) => ({ field, message })) });
    }
    continuation = page.continuation ?? undefined;
  } while (continuation);
  return items;
}
