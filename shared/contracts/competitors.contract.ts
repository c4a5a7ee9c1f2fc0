import { z } from 'zod';
import { DEAL_COMPETITOR_STATUSES, MAX_STRATEGY_NOTES, THREAT_LEVELS } from '../domain/competitor';
import { Keyword, PageQuery, RecordId, RecordMeta, RequiredText, ShortText, pageOf } from './common';

const ThreatLevel = z.enum(THREAT_LEVELS, { message: `must be one of ${THREAT_LEVELS.join(', ')}` });
const Points = z.array(RequiredText(500)).max(30, { message: 'must have at most 30 entries' });
const Website = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL like https://example.com' }).max(300, { message: 'must be at most 300 characters' });

// ---- Competitor profiles ----

const competitorFields = {
  name: RequiredText(200).meta({ description: 'Unique in the organisation, ignoring case and accents.' }),
  website: Website.optional(),
  description: ShortText(4000).optional(),
  strengths: Points.default([]),
  weaknesses: Points.default([]),
  talkingPoints: Points.default([]).meta({ description: 'Our arguments against them.' }),
  products: z.array(RequiredText(200)).max(50, { message: 'must have at most 50 entries' }).default([]).meta({ description: 'What they sell that competes with us.' }),
  threatLevel: ThreatLevel.default('medium'),
};

export const CompetitorCreate = z.strictObject(competitorFields).meta({ id: 'CompetitorCreate' });
export type CompetitorCreate = z.infer<typeof CompetitorCreate>;

/** Merge-patch: absent fields stay; `null` clears an optional field; lists are replaced whole. */
export const CompetitorUpdate = z
  .strictObject({
    name: competitorFields.name.optional(),
    website: Website.nullable().optional(),
    description: ShortText(4000).nullable().optional(),
    strengths: Points.optional(),
    weaknesses: Points.optional(),
    talkingPoints: Points.optional(),
    products: competitorFields.products.unwrap().optional(),
    threatLevel: ThreatLevel.optional(),
  })
  .meta({ id: 'CompetitorUpdate' });
export type CompetitorUpdate = z.infer<typeof CompetitorUpdate>;

export const StrategyNoteCreate = z.strictObject({ text: RequiredText(2000) }).meta({ id: 'StrategyNoteCreate' });
export type StrategyNoteCreate = z.infer<typeof StrategyNoteCreate>;

export const StrategyNote = z
  .object({ id: z.string(), at: z.iso.datetime(), authorId: z.string(), text: z.string() })
  .meta({ id: 'StrategyNote' });

export const Competitor = RecordMeta.extend({
  name: z.string(),
  website: z.string().optional(),
  description: z.string().optional(),
  strengths: z.array(z.string()),
  weaknesses: z.array(z.string()),
  talkingPoints: z.array(z.string()),
  products: z.array(z.string()),
  threatLevel: ThreatLevel,
  strategyNotes: z.array(StrategyNote).meta({ description: `Dated notes on their moves, oldest first; append-only, at most ${MAX_STRATEGY_NOTES}.` }),
}).meta({ id: 'Competitor' });
export type Competitor = z.infer<typeof Competitor>;

export const CompetitorListQuery = z.strictObject({
  q: Keyword.optional().meta({ description: 'Keywords matched against the name, website and products; every word must match.' }),
  threatLevel: ThreatLevel.optional(),
  ...PageQuery,
});
export type CompetitorListQuery = z.infer<typeof CompetitorListQuery>;

export const CompetitorPage = pageOf(Competitor).meta({ id: 'CompetitorPage' });

export const CompetitorDealsQuery = z.strictObject({ ...PageQuery });
export type CompetitorDealsQuery = z.infer<typeof CompetitorDealsQuery>;

// ---- Competitors on a deal (used by the opportunity contract) ----

export const DealCompetitorStatus = z.enum(DEAL_COMPETITOR_STATUSES, { message: `must be one of ${DEAL_COMPETITOR_STATUSES.join(', ')}` });

export const DealCompetitorInput = z
  .strictObject({
    competitorId: RecordId,
    status: DealCompetitorStatus.default('active').meta({
      description: "'active' or 'withdrawn'; 'won-against' and 'lost-to' follow the deal's outcome (won: everyone not withdrawn; lost: lostToCompetitorId).",
    }),
    notes: ShortText(1000).optional(),
  })
  .meta({ id: 'DealCompetitorInput' });

export const DealCompetitorsInput = z.array(DealCompetitorInput).max(20, { message: 'must have at most 20 competitors' });

export const DealCompetitor = z
  .object({ competitorId: z.string(), status: DealCompetitorStatus, notes: z.string().optional() })
  .meta({ id: 'DealCompetitor' });

// ---- Win/loss ----

export const CompetitorWinLoss = z
  .object({
    competitorId: z.string(),
    deals: z.number().int().meta({ description: 'Deals you may see on which they were met.' }),
    open: z.number().int(),
    wonAgainst: z.number().int(),
    lostTo: z.number().int(),
    lostToOthers: z.number().int().meta({ description: 'Lost while they competed, but to someone else or to no decision.' }),
    withdrawn: z.number().int(),
    winRate: z.number().nullable().meta({ description: 'wonAgainst / (wonAgainst + lostTo), 0..1; null before any such outcome.' }),
    amounts: z
      .array(z.object({ currency: z.string(), open: z.number(), wonAgainst: z.number(), lostTo: z.number() }))
      .meta({ description: 'Deal amounts per currency (never converted); empty when your role may not see deal amounts.' }),
  })
  .meta({ id: 'CompetitorWinLoss' });
export type CompetitorWinLoss = z.infer<typeof CompetitorWinLoss>;
