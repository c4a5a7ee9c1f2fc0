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
import type { FieldPolicy } from '../../../shared/domain/field-security';
import type { Page, PageRequest, Versioned } from '../../../shared/domain/record';
import { listAccounts } from '../accounts/read-accounts.usecase';
import { listContacts } from '../contacts/read-contacts.usecase';
import { listGroupMembers } from '../groups/group-members.usecase';
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

export type GroupExport = { entity: 'contact'; records: Array<Versioned<ContactRecord>> } | { entity: 'account'; records: Array<Versioned<AccountRecord>> };

/**
 * Every member of a contact or account group, as the caller may see them (a saved search is
 * evaluated with the caller's access, as its members list is). Deal groups have no file format yet.
 */
export async function exportGroup(call: UseCaseCall, id: string, policy: FieldPolicy): Promise<GroupExport> {
  let entity: string | undefined;
  const records = await collectAll(async (page) => {
    const members = await listGroupMembers(call, id, page, policy);
    entity = members.entity;
    return members as Page<unknown>;
  }, 'members', ['the group\'s criteria']);
  if (entity === 'contact') return { entity, records: records as Array<Versioned<ContactRecord>> };
  if (entity === 'account') return { entity, records: records as Array<Versioned<AccountRecord>> };
  throw new AppError('VALIDATION', 'Only contact and account groups can be exported to a file.', { issues: [{ field: 'id', message: 'is a group of deals' }] });
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
