import { z } from 'zod';
import { LEAD_SOURCES, OPPORTUNITY_STATUSES, hasAtMostTwoDecimals, isCurrencyCode } from '../domain/opportunity';
import { MAX_STAGES, STAGE_ID_PATTERN, STAGE_KINDS, stageListIssues } from '../domain/sales-stages';
import { LineItem, LineItemInputs } from './catalog.contract';
import { DealCompetitor, DealCompetitorsInput } from './competitors.contract';
import { IdParams, Keyword, PageQuery, RecordId, RecordMeta, RequiredText, ShortText, pageOf } from './common';

export const StageId = z
  .string()
  .trim()
  .max(40, { message: 'must be at most 40 characters' })
  .regex(STAGE_ID_PATTERN, { message: 'must be a slug of lower-case letters, digits and dashes, like needs-analysis' });

const Probability = z
  .number({ message: 'must be a number' })
  .int({ message: 'must be a whole number of percent' })
  .min(0, { message: 'must be between 0 and 100' })
  .max(100, { message: 'must be between 0 and 100' });

const Amount = z
  .number({ message: 'must be a number' })
  .min(0, { message: 'must not be negative' })
  .max(1e12, { message: 'must be at most 1,000,000,000,000' })
  .refine(hasAtMostTwoDecimals, { message: 'must have at most 2 decimals' })
  .meta({ description: 'In `currency`, at most 2 decimals.' });

const Currency = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCurrencyCode, { message: 'must be an ISO 4217 currency code like USD or EUR' })
  .meta({ description: 'ISO 4217 code, e.g. USD, EUR, GBP.' });

const IsoDate = z.iso.date({ message: 'must be a date like 2026-12-31' });
const Reason = RequiredText(500);
const LeadSource = z.enum(LEAD_SOURCES, { message: `must be one of ${LEAD_SOURCES.join(', ')}` });
const OpportunityStatus = z.enum(OPPORTUNITY_STATUSES, { message: `must be one of ${OPPORTUNITY_STATUSES.join(', ')}` });

// ---- Sales stages (tenant settings) ----

export const SalesStage = z
  .strictObject({
    id: StageId,
    name: RequiredText(60),
    probability: Probability,
    kind: z.enum(STAGE_KINDS, { message: `must be one of ${STAGE_KINDS.join(', ')}` }),
  })
  .meta({ id: 'SalesStage' });
export type SalesStage = z.infer<typeof SalesStage>;

export const SalesStagesUpdate = z
  .strictObject({
    stages: z
      .array(SalesStage)
      .max(MAX_STAGES, { message: `must have at most ${MAX_STAGES} stages` })
      .superRefine((stages, ctx) => {
        for (const issue of stageListIssues(stages)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
      })
      .meta({ description: 'In pipeline order. Exactly one won (100%) and one lost (0%) stage, at least one open stage.' }),
  })
  .meta({ id: 'SalesStagesUpdate' });
export type SalesStagesUpdate = z.infer<typeof SalesStagesUpdate>;

export const SalesStageSettings = z
  .object({
    stages: z.array(SalesStage),
    isDefault: z.boolean().meta({ description: 'True while the organisation uses the built-in list.' }),
    etag: z.string().meta({ description: 'Send it back in If-Match to change the list.' }),
    updatedAt: z.iso.datetime().optional(),
    updatedBy: z.string().optional(),
  })
  .meta({ id: 'SalesStageSettings' });
export type SalesStageSettings = z.infer<typeof SalesStageSettings>;

// ---- Opportunities ----

/** Expected gross margin, percent of the amount; sensitive (hidden from marketing and read-only by default rules). */
const Margin = z
  .number({ message: 'must be a number' })
  .min(-100, { message: 'must be between -100 and 100' })
  .max(100, { message: 'must be between -100 and 100' })
  .refine((value) => Number.isInteger(Math.round(value * 100)) && Math.abs(value * 100 - Math.round(value * 100)) < 1e-6, { message: 'must have at most 2 decimals' });

const opportunityFields = {
  name: RequiredText(200),
  accountId: RecordId,
  contactId: RecordId.optional(),
  ownerId: z.string().min(1).max(100).optional(),
  stage: StageId.optional().meta({ description: "A stage id of the organisation's list; the first open stage when absent." }),
  probability: Probability.optional().meta({ description: "Percent; the stage's default when absent." }),
  amount: Amount.default(0).meta({ description: 'In `currency`, at most 2 decimals. With products, the sum of their line totals (another value is refused).' }),
  margin: Margin.optional(),
  currency: Currency.default('USD'),
  products: LineItemInputs.optional().meta({ description: "What the deal sells; a line without unitPrice takes the price list's price." }),
  priceListId: RecordId.optional().meta({ description: "A price list in the deal's currency; the currency's default when absent." }),
  expectedCloseDate: IsoDate,
  leadSource: LeadSource.optional(),
  description: ShortText(4000).optional(),
  lossReason: Reason.optional(),
  winReason: Reason.optional(),
  competitors: DealCompetitorsInput.optional().meta({ description: 'Competitors met on the deal: live competitor profiles, each once.' }),
  lostToCompetitorId: RecordId.optional().meta({ description: "When lost: the competitor that won, one of the deal's competitors." }),
};

export const OpportunityCreate = z.strictObject(opportunityFields).meta({ id: 'OpportunityCreate' });
export type OpportunityCreate = z.infer<typeof OpportunityCreate>;

/** Merge-patch: absent fields stay; `null` clears an optional field (`probability: null` follows the stage again). */
export const OpportunityUpdate = z
  .strictObject({
    name: opportunityFields.name.optional(),
    accountId: RecordId.optional(),
    contactId: RecordId.nullable().optional(),
    ownerId: opportunityFields.ownerId.unwrap().optional(),
    stage: StageId.optional(),
    probability: Probability.nullable().optional(),
    amount: Amount.optional(),
    margin: Margin.nullable().optional(),
    currency: Currency.optional(),
    products: LineItemInputs.nullable().optional().meta({ description: 'Replaces every line (send the lines as read to keep their prices); null or [] removes them and the amount becomes typed again.' }),
    priceListId: RecordId.nullable().optional(),
    expectedCloseDate: IsoDate.optional(),
    leadSource: LeadSource.nullable().optional(),
    description: ShortText(4000).nullable().optional(),
    lossReason: Reason.nullable().optional(),
    winReason: Reason.nullable().optional(),
    competitors: DealCompetitorsInput.nullable().optional().meta({ description: 'Replaces the whole list; null or [] removes them.' }),
    lostToCompetitorId: RecordId.nullable().optional(),
  })
  .meta({ id: 'OpportunityUpdate' });
export type OpportunityUpdate = z.infer<typeof OpportunityUpdate>;

/** The quick action of the add-ins: move to another stage, saying why when the deal is lost. */
export const OpportunityStageMove = z
  .strictObject({
    stage: StageId,
    lossReason: Reason.optional(),
    winReason: Reason.optional(),
    lostToCompetitorId: RecordId.optional().meta({ description: "When moving to the lost stage: the competitor that won, one of the deal's competitors." }),
  })
  .meta({ id: 'OpportunityStageMove' });
export type OpportunityStageMove = z.infer<typeof OpportunityStageMove>;

export const StageChange = z.object({ from: z.string().nullable(), to: z.string(), at: z.iso.datetime(), by: z.string() }).meta({ id: 'StageChange' });

export const Opportunity = RecordMeta.extend({
  name: z.string(),
  accountId: z.string(),
  accountName: z.string(),
  contactId: z.string().optional(),
  ownerId: z.string(),
  stage: z.string(),
  probability: z.number(),
  probabilityOverridden: z.boolean().meta({ description: 'Set by hand; stage moves between open stages keep it.' }),
  amount: z.number().meta({ description: 'With products, the sum of their line totals.' }),
  margin: z.number().optional().meta({ description: 'Expected gross margin, percent of the amount.' }),
  currency: z.string(),
  products: z.array(LineItem).optional(),
  priceListId: z.string().optional(),
  weightedAmount: z.number().meta({ description: 'amount × probability / 100, to the cent.' }),
  expectedCloseDate: z.string(),
  actualCloseDate: z.string().optional(),
  status: OpportunityStatus,
  lossReason: z.string().optional(),
  winReason: z.string().optional(),
  competitors: z.array(DealCompetitor).optional(),
  lostToCompetitorId: z.string().optional(),
  leadSource: LeadSource.optional(),
  description: z.string().optional(),
  stageHistory: z.array(StageChange),
}).meta({ id: 'Opportunity' });
export type Opportunity = z.infer<typeof Opportunity>;

export const OpportunityListQuery = z
  .strictObject({
    q: Keyword.optional().meta({ description: 'Keywords matched against the name and the account name; every word must match.' }),
    accountId: RecordId.optional(),
    ownerId: z.string().max(100).optional(),
    stage: StageId.optional(),
    status: OpportunityStatus.optional(),
    closeFrom: IsoDate.optional().meta({ description: 'Expected close on or after this date.' }),
    closeTo: IsoDate.optional().meta({ description: 'Expected close on or before this date.' }),
    amountMin: z.coerce.number({ message: 'must be a number' }).min(0, { message: 'must not be negative' }).optional(),
    amountMax: z.coerce.number({ message: 'must be a number' }).min(0, { message: 'must not be negative' }).optional(),
    ...PageQuery,
  })
  .superRefine((query, ctx) => {
    if (query.closeFrom && query.closeTo && query.closeFrom > query.closeTo) ctx.addIssue({ code: 'custom', path: ['closeTo'], message: 'must not be before closeFrom' });
    if (query.amountMin !== undefined && query.amountMax !== undefined && query.amountMin > query.amountMax) {
      ctx.addIssue({ code: 'custom', path: ['amountMax'], message: 'must not be less than amountMin' });
    }
  });
export type OpportunityListQuery = z.infer<typeof OpportunityListQuery>;

export const OpportunityPage = pageOf(Opportunity).meta({ id: 'OpportunityPage' });
export const OpportunityIdParams = IdParams;
