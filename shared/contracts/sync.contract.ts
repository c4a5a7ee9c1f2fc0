import { z } from 'zod';
import { Account } from './accounts.contract';
import { Activity } from './activities.contract';
import { Contact } from './contacts.contract';
import { Lead } from './leads.contract';
import { Opportunity } from './opportunities.contract';

export const SyncQuery = z.strictObject({
  since: z.string().max(4000, { message: 'is too long' }).optional().meta({ description: 'The checkpoint of the previous answer; absent for a first full sync.' }),
  limit: z.coerce.number({ message: 'must be a number' }).int().min(1, { message: 'must be at least 1' }).max(500, { message: 'must be at most 500' }).default(200),
});
export type SyncQuery = z.infer<typeof SyncQuery>;

const changeOf = <E extends string, R extends z.ZodType>(entity: E, record: R) =>
  z.object({
    entity: z.literal(entity),
    id: z.string(),
    deleted: z.boolean(),
    changedAt: z.iso.datetime(),
    /** The record as the caller may see it; null for a deletion. */
    record: record.nullable(),
  });

export const SyncChange = z
  .discriminatedUnion('entity', [changeOf('account', Account), changeOf('contact', Contact), changeOf('opportunity', Opportunity), changeOf('activity', Activity), changeOf('lead', Lead)])
  .meta({ id: 'SyncChange' });
export type SyncChange = z.infer<typeof SyncChange>;

export const SyncChanges = z
  .object({
    changes: z.array(SyncChange),
    checkpoint: z.string().meta({ description: 'Send as `since` next time.' }),
    hasMore: z.boolean().meta({ description: 'True when more changes are waiting: ask again at once with the new checkpoint.' }),
  })
  .meta({ id: 'SyncChanges' });
export type SyncChanges = z.infer<typeof SyncChanges>;
