/**
 * Quote and order numbers: per tenant, per kind and calendar year (UTC), counting from 1 —
 * Q-2026-00042, SO-2026-00007. People read them out on the phone and an ERP keys on them, so
 * they are short, ordered and never reused.
 */
export const DOCUMENT_KINDS = { quote: 'Q', order: 'SO' } as const;
export type DocumentKind = keyof typeof DOCUMENT_KINDS;

/** Hands out the next number of a sequence; two callers never get the same one. */
export interface NumberSequence {
  next(tenantId: string, kind: DocumentKind, year: number): Promise<number>;
}

/** Five digits at least; a tenant issuing more than 99,999 in a year simply gets longer numbers. */
export function formatDocumentNumber(kind: DocumentKind, year: number, sequence: number): string {
  return `${DOCUMENT_KINDS[kind]}-${year}-${String(sequence).padStart(5, '0')}`;
}
