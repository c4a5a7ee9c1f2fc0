/** Saved searches and static groups, as the API speaks them. */
import { z } from 'zod';
import { GROUP_KINDS, MAX_STATIC_MEMBERS } from '../domain/group';
import { CRITERION_OPS, GROUP_ENTITIES, MAX_CONDITIONS, MAX_CRITERIA_DEPTH, type Criteria } from '../domain/group-criteria';
import { Account } from './accounts.contract';
import { PageQuery, RecordId, RecordMeta, RequiredText, ShortText, pageOf } from './common';
import { Contact } from './contacts.contract';
import { Opportunity } from './opportunities.contract';

export const GroupEntity = z.enum(GROUP_ENTITIES, { message: `must be one of ${GROUP_ENTITIES.join(', ')}` });
export const GroupKind = z.enum(GROUP_KINDS, { message: `must be one of ${GROUP_KINDS.join(', ')}` });

/**
 * The tree is checked against the group's entity by the domain (shared/domain/group-criteria.ts),
 * which names each path (`criteria.all.2.value`) and stops at the depth limit before recursing:
 * a recursive zod schema would exhaust the stack on a hostile body nested thousands deep.
 */
export const GroupCriteria = z
  .custom<Criteria>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), { message: 'must be an object' })
  .meta({
    id: 'GroupCriteria',
    description:
      `{ all: [...] } | { any: [...] } | { field, op, value }, nested at most ${MAX_CRITERIA_DEPTH} groups deep with at most ` +
      `${MAX_CONDITIONS} conditions; the root may add \`keyword\` (matched like list search). Ops: ${CRITERION_OPS.join(', ')}; ` +
      '`in` takes a list, `between` [from, to], `exists` true or false. Fields depend on the entity.',
    examples: [{ all: [{ field: 'address.country', op: 'eq', value: 'France' }, { field: 'type', op: 'eq', value: 'customer' }] }],
  });

const MemberIds = z.array(RecordId).max(MAX_STATIC_MEMBERS, { message: `must have at most ${MAX_STATIC_MEMBERS} members` });

export const GroupCreate = z
  .strictObject({
    name: RequiredText(200),
    description: ShortText(1000).optional(),
    entity: GroupEntity,
    kind: GroupKind,
    shared: z.boolean().default(false).meta({ description: 'Shared with everyone in the organisation; personal otherwise.' }),
    criteria: GroupCriteria.optional().meta({ description: 'Saved searches only.' }),
    memberIds: MemberIds.optional().meta({ description: 'Static groups only: the first members.' }),
  })
  .superRefine((body, ctx) => {
    if (body.kind === 'saved-search' && body.criteria === undefined) ctx.addIssue({ code: 'custom', path: ['criteria'], message: 'is required for a saved search' });
    if (body.kind === 'saved-search' && body.memberIds !== undefined) ctx.addIssue({ code: 'custom', path: ['memberIds'], message: 'applies only to a static group' });
    if (body.kind === 'static' && body.criteria !== undefined) ctx.addIssue({ code: 'custom', path: ['criteria'], message: 'applies only to a saved search' });
  })
  .meta({ id: 'GroupCreate' });
export type GroupCreate = z.infer<typeof GroupCreate>;

export const GroupUpdate = z
  .strictObject({
    name: RequiredText(200).optional(),
    description: ShortText(1000).nullable().optional(),
    shared: z.boolean().optional(),
    criteria: GroupCriteria.optional().meta({ description: 'Saved searches only; replaces the whole tree.' }),
  })
  .meta({ id: 'GroupUpdate', description: 'Merge-patch: absent fields stay, null clears. Entity and kind never change.' });
export type GroupUpdate = z.infer<typeof GroupUpdate>;

export const Group = RecordMeta.extend({
  name: z.string(),
  description: z.string().optional(),
  entity: GroupEntity,
  kind: GroupKind,
  ownerId: z.string(),
  shared: z.boolean(),
  criteria: GroupCriteria.optional(),
  memberCount: z.number().int().optional().meta({ description: 'Static groups: ids held, deleted records included until removed.' }),
}).meta({ id: 'Group' });
export type Group = z.infer<typeof Group>;

export const GroupListQuery = z.strictObject({ entity: GroupEntity.optional(), kind: GroupKind.optional(), ...PageQuery });
export type GroupListQuery = z.infer<typeof GroupListQuery>;
export const GroupPage = pageOf(Group).meta({ id: 'GroupPage' });

export const GroupMembersQuery = z.strictObject({ ...PageQuery });

/** Members typed by entity, each in the entity's own schema so field-level security applies as on its lists. */
export const GroupMemberPage = z
  .discriminatedUnion('entity', [
    pageOf(Contact).extend({ entity: z.literal('contact') }),
    pageOf(Account).extend({ entity: z.literal('account') }),
    pageOf(Opportunity).extend({ entity: z.literal('opportunity') }),
  ])
  .meta({ id: 'GroupMemberPage' });
export type GroupMemberPage = z.infer<typeof GroupMemberPage>;

const MemberChange = z.array(RecordId).max(1000, { message: 'must have at most 1,000 ids per request' }).default([]);
export const GroupMembersChange = z
  .strictObject({ add: MemberChange, remove: MemberChange })
  .refine((body) => body.add.length + body.remove.length > 0, { message: 'must add or remove at least one id', path: ['add'] })
  .meta({ id: 'GroupMembersChange' });
export type GroupMembersChange = z.infer<typeof GroupMembersChange>;

export const GroupPreview = z
  .strictObject({
    entity: GroupEntity,
    criteria: GroupCriteria,
    limit: PageQuery.limit,
  })
  .meta({ id: 'GroupPreview' });
export type GroupPreview = z.infer<typeof GroupPreview>;
