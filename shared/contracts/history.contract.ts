import { z } from 'zod';
import { HISTORY_KINDS, TIMELINE_ENTITIES } from '../domain/history';
import { IdParams, PageQuery, RecordId, RequiredText, ShortText, pageOf } from './common';

export const RecordRef = z.strictObject({ entity: z.enum(TIMELINE_ENTITIES), id: RecordId }).meta({ id: 'RecordRef' });

export const HistoryEntry = z
  .object({
    id: z.string(),
    kind: z.enum(HISTORY_KINDS),
    occurredAt: z.iso.datetime(),
    actorId: z.string(),
    title: z.string(),
    summary: z.string().optional(),
    regarding: z.array(z.object({ entity: z.enum(TIMELINE_ENTITIES), id: z.string() })),
    source: z.object({ entity: z.string(), id: z.string() }).optional(),
    details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
  })
  .meta({ id: 'HistoryEntry' });
export type HistoryEntryDto = z.infer<typeof HistoryEntry>;

export const HistoryPage = pageOf(HistoryEntry).meta({ id: 'HistoryPage' });
export const HistoryQuery = z.strictObject({ ...PageQuery });
export type HistoryQuery = z.infer<typeof HistoryQuery>;
export const TimelineParams = IdParams;

export const NoteCreate = z
  .strictObject({
    regarding: z.array(RecordRef).min(1, { message: 'must name at least one record' }).max(10, { message: 'must name at most 10 records' }),
    title: ShortText(200).optional(),
    text: RequiredText(5000),
    occurredAt: z.iso.datetime({ message: 'must be an ISO 8601 date-time in UTC' }).optional(),
  })
  .meta({ id: 'NoteCreate' });
export type NoteCreate = z.infer<typeof NoteCreate>;
