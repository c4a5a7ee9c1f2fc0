/**
 * Groups of contacts, accounts or deals: saved searches (criteria re-evaluated on every read, see
 * group-criteria.ts) and static groups (explicit members). A group is personal or shared with the
 * tenant; only its owner, or an administrator, changes it.
 */
import type { AccountRecord } from './account';
import type { ContactRecord } from './contact';
import type { Criteria, GroupEntity } from './group-criteria';
import type { OpportunityRecord } from './opportunity';
import type { Principal } from './principal';
import type { Page, PageRequest, RecordBase, Versioned } from './record';
import type { RecordRepository } from './repositories';
import { buildSearchText, buildSortKey } from './text-normalization';

export type { GroupEntity } from './group-criteria';

export const GROUP_KINDS = ['saved-search', 'static'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

/** A static group's document holds its member ids; 5,000 keeps it far below Cosmos's 2 MB item limit. */
export const MAX_STATIC_MEMBERS = 5000;

export interface GroupRecord extends RecordBase {
  name: string;
  description?: string;
  /**
   * What the group holds. Not `entity`: the record store keeps its own `entity` field on every
   * document (and strips it on read), which would overwrite this one.
   */
  memberEntity: GroupEntity;
  kind: GroupKind;
  ownerId: string;
  /** Shared with everyone in the tenant; personal otherwise. */
  shared: boolean;
  /** Saved searches only. */
  criteria?: Criteria;
  /** Static groups only: ids of records of `memberEntity`, ascending (the members' page order). */
  memberIds?: string[];
}

export interface GroupFilter {
  entity?: GroupEntity;
  kind?: GroupKind;
}

export interface GroupRepository extends RecordRepository<GroupRecord> {
  /** Live groups the user owns or that are shared, sorted by name. */
  listVisible(tenantId: string, userId: string, filter: GroupFilter, page: PageRequest): Promise<Page<Versioned<GroupRecord>>>;
}

/** A page of members, typed by the group's entity. */
export type MemberPage =
  | ({ entity: 'contact' } & Page<Versioned<ContactRecord>>)
  | ({ entity: 'account' } & Page<Versioned<AccountRecord>>)
  | ({ entity: 'opportunity' } & Page<Versioned<OpportunityRecord>>);

/** `owners`: record-level access, only records owned by these users (undefined: no restriction). */
export interface MemberQuery {
  tenantId: string;
  entity: GroupEntity;
  owners: string[] | undefined;
}

export interface GroupMemberSource {
  /** Live records matching the criteria, in the entity's list order (keyset pages). */
  matching(query: MemberQuery, criteria: Criteria, page: PageRequest): Promise<MemberPage>;
  /** Live records among the ids, by id, read by point reads; deleted and invisible ones are skipped. */
  byIds(query: MemberQuery, ids: readonly string[], page: PageRequest): Promise<MemberPage>;
  /** Which of the ids are live records of the entity among `owners`. */
  existing(query: MemberQuery, ids: readonly string[]): Promise<Set<string>>;
}

export interface GroupStores {
  groups: GroupRepository;
  members: GroupMemberSource;
}

export function groupSortKey(group: Pick<GroupRecord, 'name' | 'id'>): string {
  return buildSortKey(group.name, group.id);
}

export function groupSearchText(group: Pick<GroupRecord, 'name' | 'description'>): string {
  return buildSearchText([group.name, group.description]);
}

/** The owner's groups and shared ones; administrators also reach personal groups (to tidy up after people leave). */
export function canSeeGroup(principal: Pick<Principal, 'userId' | 'roles'>, group: Pick<GroupRecord, 'ownerId' | 'shared'>): boolean {
  return group.shared || group.ownerId === principal.userId || principal.roles.includes('admin');
}

export function canChangeGroup(principal: Pick<Principal, 'userId' | 'roles'>, group: Pick<GroupRecord, 'ownerId'>): boolean {
  return group.ownerId === principal.userId || principal.roles.includes('admin');
}

/** Members after a change: sorted, without duplicates; removals win over additions of the same id. */
export function changedMembers(current: readonly string[], add: readonly string[], remove: readonly string[]): string[] {
  const removed = new Set(remove);
  return [...new Set([...current, ...add])].filter((id) => !removed.has(id)).sort();
}
