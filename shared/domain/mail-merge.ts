/**
 * Mail merge: `{{entity.field}}` placeholders with an optional fallback (`{{contact.firstName |
 * there}}`), the catalogue of fields a template may use, and the resolver that fills them in.
 * Pure: Outlook e-mail templates and Word mail merge both render through here.
 */
import type { AccountRecord } from './account';
import { contactFullName, type ContactRecord } from './contact';
import type { FieldPolicy } from './field-security';
import type { OpportunityRecord } from './opportunity';

export const MERGE_ENTITIES = ['contact', 'account', 'opportunity', 'user'] as const;
export type MergeEntity = (typeof MERGE_ENTITIES)[number];

/**
 * Every field a template may use. `reads`: the record fields it is made of; field-level security
 * on any of them (or on the merge field's own name) hides it. `user` is the sender, the caller.
 */
export const MERGE_FIELDS = [
  { field: 'contact.firstName', label: 'First name', entity: 'contact', reads: ['firstName'] },
  { field: 'contact.lastName', label: 'Last name', entity: 'contact', reads: ['lastName'] },
  { field: 'contact.fullName', label: 'Full name', entity: 'contact', reads: ['firstName', 'lastName'] },
  { field: 'contact.jobTitle', label: 'Job title', entity: 'contact', reads: ['jobTitle'] },
  { field: 'contact.department', label: 'Department', entity: 'contact', reads: ['department'] },
  { field: 'contact.email', label: 'E-mail', entity: 'contact', reads: ['emails'] },
  { field: 'contact.phone', label: 'Phone', entity: 'contact', reads: ['phones'] },
  { field: 'account.name', label: 'Account name', entity: 'account', reads: ['name'] },
  { field: 'account.industry', label: 'Industry', entity: 'account', reads: ['industry'] },
  { field: 'account.website', label: 'Website', entity: 'account', reads: ['website'] },
  { field: 'account.phone', label: 'Account phone', entity: 'account', reads: ['phone'] },
  { field: 'account.city', label: 'City', entity: 'account', reads: ['address'] },
  { field: 'account.country', label: 'Country', entity: 'account', reads: ['address'] },
  { field: 'opportunity.name', label: 'Opportunity name', entity: 'opportunity', reads: ['name'] },
  { field: 'opportunity.stage', label: 'Stage', entity: 'opportunity', reads: ['stage'] },
  { field: 'opportunity.amount', label: 'Amount', entity: 'opportunity', reads: ['amount'] },
  { field: 'opportunity.currency', label: 'Currency', entity: 'opportunity', reads: ['currency'] },
  { field: 'opportunity.closeDate', label: 'Expected close date', entity: 'opportunity', reads: ['expectedCloseDate'] },
  { field: 'user.displayName', label: 'Your name', entity: 'user', reads: [] },
  { field: 'user.email', label: 'Your e-mail', entity: 'user', reads: [] },
] as const satisfies ReadonlyArray<{ field: string; label: string; entity: MergeEntity; reads: readonly string[] }>;

export type MergeFieldName = (typeof MERGE_FIELDS)[number]['field'];
type MergeFieldDefinition = (typeof MERGE_FIELDS)[number];

/** Names compare ignoring case (`{{Contact.FirstName}}` is contact.firstName); the catalogue's spelling is canonical. */
const BY_NAME = new Map<string, MergeFieldDefinition>(MERGE_FIELDS.map((definition) => [definition.field.toLowerCase(), definition]));

export function mergeFieldDefinition(field: string): MergeFieldDefinition | undefined {
  return BY_NAME.get(field.toLowerCase());
}

// ---- Parsing ----

export type MergeToken = { kind: 'text'; text: string } | { kind: 'field'; field: string; fallback?: string };

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** A placeholder's inside (`contact.firstName | there`), or undefined when it is not one. */
function placeholderOf(inner: string): { field: string; fallback?: string } | undefined {
  const bar = inner.indexOf('|');
  const name = (bar < 0 ? inner : inner.slice(0, bar)).trim();
  if (!FIELD_NAME.test(name)) return undefined;
  const field = mergeFieldDefinition(name)?.field ?? name;
  return bar < 0 ? { field } : { field, fallback: inner.slice(bar + 1).trim() };
}

/**
 * Text and placeholders, in order. Anything that is not a well-formed placeholder (`{{ }}`, an
 * unclosed `{{`, `{{not a name}}`) stays text. Linear in the template's length: each `}}` is
 * paired with the nearest `{{` before it, so no stretch of text is scanned twice.
 */
export function parseMergeTemplate(template: string): MergeToken[] {
  const tokens: MergeToken[] = [];
  let text = '';
  let position = 0;
  for (;;) {
    const open = template.indexOf('{{', position);
    const close = open < 0 ? -1 : template.indexOf('}}', open + 2);
    if (close < 0) break;
    const start = template.lastIndexOf('{{', close - 2);
    const placeholder = placeholderOf(template.slice(start + 2, close));
    if (placeholder) {
      text += template.slice(position, start);
      if (text) tokens.push({ kind: 'text', text });
      tokens.push({ kind: 'field', ...placeholder });
      text = '';
    } else {
      text += template.slice(position, close + 2);
    }
    position = close + 2;
  }
  text += template.slice(position);
  if (text) tokens.push({ kind: 'text', text });
  return tokens;
}

/** The distinct fields the templates use, in order of first use (unknown names included, as written). */
export function mergeFieldsOf(...templates: string[]): string[] {
  const fields = templates.flatMap((template) => parseMergeTemplate(template).flatMap((token) => (token.kind === 'field' ? [token.field] : [])));
  return [...new Set(fields)];
}

// ---- Rendering ----

export type MergeValue = { status: 'value'; value: string } | { status: 'missing' } | { status: 'unknown' };
export type MergeFieldStatus = 'resolved' | 'fallback' | 'missing' | 'unknown';
export interface MergeFieldUse {
  field: string;
  status: MergeFieldStatus;
}
export type MergeFormat = 'html' | 'text';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '{': '&#123;', '}': '&#125;' };

/** Braces are escaped too, so a value can never form a placeholder for a later merge of the output. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'{}]/g, (character) => ESCAPES[character] ?? character);
}

/** Whether the text holds a javascript: URL as a browser reads one: entities decoded, whitespace and control characters ignored. */
export function isScriptUrl(text: string): boolean {
  const decoded = text
    .replace(/&#(x[0-9a-f]+|\d+);?/gi, (entity, code: string) => {
      const point = code[0] === 'x' || code[0] === 'X' ? parseInt(code.slice(1), 16) : parseInt(code, 10);
      return point <= 0x10ffff ? String.fromCodePoint(point) : entity;
    })
    .replace(/&colon;/gi, ':')
    .replace(/&(tab|newline);/gi, '');
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is being removed
  return decoded.replace(/[\s\u0000-\u001f]/g, '').toLowerCase().includes('javascript:');
}

const MARKER_STYLE = 'background-color:#fff4ce;color:#3b2e00';

/** What a reader sees instead of a value: never the raw placeholder, which would look like a bug in the sent mail. */
function markerText(field: string, status: 'missing' | 'unknown'): string {
  return status === 'unknown' ? `[Unknown field: ${field}]` : `[${mergeFieldDefinition(field)?.label ?? field}]`;
}

function marker(field: string, status: 'missing' | 'unknown', format: MergeFormat, inTag: boolean): string {
  const text = markerText(field, status);
  if (format === 'text') return text;
  // Inside a tag (an attribute value) markup would break the tag: the marker is plain text there.
  if (inTag) return escapeHtml(text);
  return `<span data-merge-field="${escapeHtml(field)}" data-merge-status="${status}" style="${MARKER_STYLE}">${escapeHtml(text)}</span>`;
}

/** Whether text following `wasInTag` state ends inside an HTML tag (`<a href="` ...). */
function endsInTag(text: string, wasInTag: boolean): boolean {
  const lt = text.lastIndexOf('<');
  const gt = text.lastIndexOf('>');
  return lt === gt ? wasInTag : lt > gt;
}

const SEVERITY: Record<MergeFieldStatus, number> = { resolved: 0, fallback: 1, missing: 2, unknown: 3 };

/** One entry per field, in order of first use; a field used both with and without a fallback reports the worse. */
export function combineFieldUses(...lists: ReadonlyArray<readonly MergeFieldUse[]>): MergeFieldUse[] {
  const byField = new Map<string, MergeFieldStatus>();
  for (const use of lists.flat()) {
    const seen = byField.get(use.field);
    if (seen === undefined || SEVERITY[use.status] > SEVERITY[seen]) byField.set(use.field, use.status);
  }
  return [...byField].map(([field, status]) => ({ field, status }));
}

/**
 * Fills the placeholders of a template in one pass (a value is never merged again). In `html`,
 * values are escaped and the template's own markup and fallbacks are kept as written; a missing
 * value without fallback, and an unknown field, become a visible marker.
 */
export function renderMergeTemplate(template: string, lookup: (field: string) => MergeValue, format: MergeFormat): { output: string; fields: MergeFieldUse[] } {
  let output = '';
  let inTag = false;
  const uses: MergeFieldUse[] = [];
  for (const token of parseMergeTemplate(template)) {
    if (token.kind === 'text') {
      output += token.text;
      inTag = format === 'html' && endsInTag(token.text, inTag);
      continue;
    }
    const found = lookup(token.field);
    // An empty value would read as a gap ("Dear ,"); a script URL in an attribute would be a link that runs code.
    if (found.status === 'value' && found.value.trim() !== '' && !(inTag && isScriptUrl(found.value))) {
      output += format === 'html' ? escapeHtml(found.value) : found.value;
      uses.push({ field: token.field, status: 'resolved' });
    } else if (found.status !== 'unknown' && token.fallback !== undefined) {
      output += token.fallback;
      if (format === 'html') inTag = endsInTag(token.fallback, inTag);
      uses.push({ field: token.field, status: 'fallback' });
    } else {
      const status = found.status === 'unknown' ? 'unknown' : 'missing';
      output += marker(token.field, status, format, inTag);
      uses.push({ field: token.field, status });
    }
  }
  return { output, fields: combineFieldUses(uses) };
}

// ---- Values from CRM records ----

/** The records a merge reads; absent ones leave their fields missing. */
export interface MergeSources {
  contact?: ContactRecord;
  account?: AccountRecord;
  opportunity?: OpportunityRecord;
  /** The tenant's sales stage names by id, so a deal's stage reads as people name it. */
  stageNames?: ReadonlyMap<string, string>;
  sender: { displayName: string; email: string };
}

function preferred<T extends { label: string }>(entries: readonly T[] | undefined, label: string): T | undefined {
  return entries?.find((entry) => entry.label === label) ?? entries?.[0];
}

/** Amounts read as in an English letter: thousands grouped, two decimals; the currency is its own field. */
const AMOUNT_FORMAT = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const READERS: Record<MergeFieldName, (sources: MergeSources) => string | undefined> = {
  'contact.firstName': ({ contact }) => contact?.firstName,
  'contact.lastName': ({ contact }) => contact?.lastName,
  'contact.fullName': ({ contact }) => (contact ? contactFullName(contact) : undefined),
  'contact.jobTitle': ({ contact }) => contact?.jobTitle,
  'contact.department': ({ contact }) => contact?.department,
  'contact.email': ({ contact }) => preferred(contact?.emails, 'work')?.address,
  'contact.phone': ({ contact }) => preferred(contact?.phones, 'work')?.number,
  'account.name': ({ account }) => account?.name,
  'account.industry': ({ account }) => account?.industry,
  'account.website': ({ account }) => account?.website,
  'account.phone': ({ account }) => account?.phone,
  'account.city': ({ account }) => account?.address?.city,
  'account.country': ({ account }) => account?.address?.country,
  'opportunity.name': ({ opportunity }) => opportunity?.name,
  'opportunity.stage': ({ opportunity, stageNames }) => (opportunity ? (stageNames?.get(opportunity.stage) ?? opportunity.stage) : undefined),
  'opportunity.amount': ({ opportunity }) => (opportunity ? AMOUNT_FORMAT.format(opportunity.amount) : undefined),
  'opportunity.currency': ({ opportunity }) => opportunity?.currency,
  'opportunity.closeDate': ({ opportunity }) => opportunity?.expectedCloseDate,
  'user.displayName': ({ sender }) => sender.displayName,
  'user.email': ({ sender }) => sender.email,
};

function hiddenFrom(policy: FieldPolicy, definition: MergeFieldDefinition): boolean {
  if (definition.entity === 'user') return false;
  const hidden = policy.hidden(definition.entity);
  const own = definition.field.slice(definition.entity.length + 1);
  return hidden.has(own) || definition.reads.some((field) => hidden.has(field));
}

/** The lookup a render needs: values of the records, a field the caller's field rules hide being missing (never its value). */
export function mergeLookup(sources: MergeSources, policy: FieldPolicy): (field: string) => MergeValue {
  return (field) => {
    const definition = mergeFieldDefinition(field);
    if (!definition) return { status: 'unknown' };
    if (hiddenFrom(policy, definition)) return { status: 'missing' };
    const value = READERS[definition.field](sources);
    return value === undefined || value.trim() === '' ? { status: 'missing' } : { status: 'value', value };
  };
}
