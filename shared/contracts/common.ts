/** Building blocks shared by every contract: ids, e-mails, paging, records' metadata, problems. */
import { z } from 'zod';

export const RecordId = z.uuid({ message: 'must be a UUID' }).meta({ description: 'Record id (UUID), unique across tenants.' });

/** Trimmed, lower-cased on the way in so lookups and duplicates compare one spelling. */
export const EmailAddress = z
  .string()
  .trim()
  .max(254, { message: 'must be at most 254 characters' })
  .pipe(z.email({ message: 'must be a valid e-mail address' }))
  .transform((value) => value.toLowerCase());

export const PhoneNumber = z
  .string()
  .trim()
  .min(3, { message: 'must have at least 3 characters' })
  .max(40, { message: 'must be at most 40 characters' })
  .regex(/^[+0-9 ().\-/x]+$/i, { message: 'may contain digits, spaces, + ( ) . - / and x only' })
  .refine((value) => /\d{3}/.test(value.replace(/\D/g, '')), { message: 'must contain at least 3 digits' });

export const ShortText = (max: number) => z.string().trim().max(max, { message: `must be at most ${max} characters` });
export const RequiredText = (max: number) =>
  ShortText(max).min(1, { message: 'is required' });

export const Address = z.strictObject({
  street: ShortText(200).optional(),
  city: ShortText(100).optional(),
  postalCode: ShortText(20).optional(),
  region: ShortText(100).optional(),
  country: ShortText(100).optional(),
});
export type Address = z.infer<typeof Address>;

/** Fields every record carries; written by the server only. */
export const RecordMeta = z.object({
  id: RecordId,
  etag: z.string().meta({ description: 'Opaque version; send it back in If-Match to update or delete.' }),
  createdAt: z.iso.datetime(),
  createdBy: z.string(),
  updatedAt: z.iso.datetime(),
  updatedBy: z.string(),
});

export const PageQuery = {
  limit: z.coerce
    .number({ message: 'must be a number' })
    .int({ message: 'must be a whole number' })
    .min(1, { message: 'must be at least 1' })
    .max(200, { message: 'must be at most 200' })
    .default(50),
  continuation: z.string().max(2000, { message: 'is too long' }).optional(),
};

export const Keyword = z
  .string()
  .trim()
  .min(1, { message: 'must not be empty' })
  .max(100, { message: 'must be at most 100 characters' });

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    continuation: z.string().nullable().meta({ description: 'Pass as `continuation` to get the next page; null on the last page.' }),
  });
}

export const IdParams = z.strictObject({ id: RecordId });

export const ProblemDetails = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'ProblemDetails', description: 'RFC 9457 problem details; `errors` names each offending field.' });
