import { z } from 'zod';
import { PERIOD_PATTERN } from '../domain/quota';
import { IdParams, PageQuery, RecordMeta, pageOf } from './common';

const SubjectType = z.enum(['user', 'team']);
const Period = z.string().regex(PERIOD_PATTERN, { message: 'must be a year (2027), a quarter (2027-Q1) or a month (2027-03)' });
const Amount = z
  .number({ message: 'must be a number' })
  .min(0, { message: 'must not be negative' })
  .max(1e12, { message: 'is too large' })
  .refine((value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6, { message: 'must have at most 2 decimals' });
const Currency = z.string().regex(/^[A-Z]{3}$/, { message: 'must be a 3-letter ISO 4217 code like EUR' });

export const QuotaCreate = z
  .strictObject({ subjectType: SubjectType, subjectId: z.string().min(1).max(100), period: Period, amount: Amount, currency: Currency.default('USD') })
  .meta({ id: 'QuotaCreate' });
export type QuotaCreate = z.infer<typeof QuotaCreate>;

export const QuotaUpdate = z.strictObject({ amount: Amount.optional(), currency: Currency.optional() }).meta({ id: 'QuotaUpdate' });
export type QuotaUpdate = z.infer<typeof QuotaUpdate>;

export const Quota = RecordMeta.extend({
  subjectType: SubjectType,
  subjectId: z.string(),
  period: z.string(),
  from: z.string().meta({ description: 'First day of the period.' }),
  to: z.string().meta({ description: 'Last day of the period.' }),
  amount: z.number(),
  currency: z.string(),
}).meta({ id: 'Quota' });
export type Quota = z.infer<typeof Quota>;

export const QuotaListQuery = z.strictObject({
  subjectType: SubjectType.optional(),
  subjectId: z.string().max(100).optional(),
  year: z.string().regex(/^\d{4}$/, { message: 'must be a year like 2027' }).optional(),
  ...PageQuery,
});
export type QuotaListQuery = z.infer<typeof QuotaListQuery>;
export const QuotaPage = pageOf(Quota).meta({ id: 'QuotaPage' });
export const QuotaIdParams = IdParams;
