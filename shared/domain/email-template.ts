/**
 * E-mail templates: HTML with merge fields (mail-merge.ts) that reps insert from the Outlook
 * compose pane. A template is personal (its owner's alone) or shared with the tenant; shared
 * ones speak for the company, so only roles with `assign` on templates publish or change them.
 */
import { can } from './access-policy';
import { AppError } from './errors';
import { isScriptUrl, withFallbacks } from './mail-merge';
import type { Principal } from './principal';
import type { Page, PageRequest, RecordBase, Versioned } from './record';
import type { RecordRepository } from './repositories';
import { buildSearchText, buildSortKey } from './text-normalization';

export const TEMPLATE_VISIBILITIES = ['shared', 'personal'] as const;
export type TemplateVisibility = (typeof TEMPLATE_VISIBILITIES)[number];

export interface EmailTemplateRecord extends RecordBase {
  name: string;
  /** Plain text with merge fields; may be empty (the rep types the subject). */
  subject: string;
  /** HTML with merge fields, checked by unsafeHtmlIssues and mergeSyntaxIssues before it is stored. */
  html: string;
  description?: string;
  visibility: TemplateVisibility;
  ownerId: string;
}

export interface EmailTemplateFilter {
  /** Folded words, each of which must appear in the name or subject. */
  keywords?: string[];
  visibility?: TemplateVisibility;
}

export interface EmailTemplateRepository extends RecordRepository<EmailTemplateRecord> {
  /** Live templates the user may see (the tenant's shared ones and the user's personal ones), sorted by name. */
  listVisible(tenantId: string, userId: string, filter: EmailTemplateFilter, page: PageRequest): Promise<Page<Versioned<EmailTemplateRecord>>>;
}

export function emailTemplateSortKey(template: Pick<EmailTemplateRecord, 'name' | 'id'>): string {
  return buildSortKey(template.name, template.id);
}

export function emailTemplateSearchText(template: Pick<EmailTemplateRecord, 'name' | 'subject'>): string {
  return buildSearchText([template.name, template.subject]);
}

// ---- Who may see and change a template ----

type Caller = Pick<Principal, 'userId' | 'roles'>;
type Sharing = Pick<EmailTemplateRecord, 'visibility' | 'ownerId'>;

/** Shared templates are the tenant's; a personal one is its owner's alone (administrators included). */
export function canSeeTemplate(caller: Pick<Principal, 'userId'>, template: Sharing): boolean {
  return template.visibility === 'shared' || template.ownerId === caller.userId;
}

/** Publishing for everyone is a decision for administrators, managers and marketing (`assign`). */
export function canShareTemplates(caller: Pick<Principal, 'roles'>): boolean {
  return can(caller, 'assign', 'emailTemplate');
}

/**
 * Refuses (FORBIDDEN) a create, change or delete the caller may not make: touching a shared
 * template, or making one shared, needs `assign`; a personal template is changed by its owner
 * only. `current` is absent for a create; `next` the visibility after the change.
 */
export function assertCanWriteTemplate(caller: Caller, current: Sharing | undefined, next: TemplateVisibility): void {
  if (current?.visibility === 'personal' && current.ownerId !== caller.userId) {
    throw new AppError('FORBIDDEN', 'Only its owner may change a personal template.');
  }
  if ((current?.visibility === 'shared' || next === 'shared') && !canShareTemplates(caller)) {
    throw new AppError('FORBIDDEN', 'Shared templates are published by administrators, sales managers and marketing; keep this one personal, or ask them to share it.', {
      issues: current?.visibility === 'shared' ? [] : [{ field: 'visibility', message: 'shared needs the right to publish templates' }],
    });
  }
}

// ---- HTML safety ----

const FORBIDDEN_ELEMENTS = ['script', 'iframe', 'object', 'embed', 'form'];
/** An attribute name starts after whitespace, `/` or a closing quote. */
const EVENT_ATTRIBUTE = /[\s"'/]on[a-z]+\s*=/i;

/**
 * Why the HTML may not be a template, or an empty list. A template goes into e-mails people open:
 * active content is refused rather than silently rewritten, so the author sees what was wrong.
 * The HTML is judged as written and as it reads with every placeholder showing its fallback or
 * nothing, so a merge field cannot split what is refused (`<scr{{x|}}ipt>`, `on{{x|}}click=`,
 * `java{{x|}}script:`). Where a merge field may stand at all is mergeSyntaxIssues' concern.
 */
export function unsafeHtmlIssues(html: string): string[] {
  const issues = new Set<string>();
  for (const variant of new Set([html, withFallbacks(html)])) {
    const lower = variant.toLowerCase();
    for (const element of FORBIDDEN_ELEMENTS) if (lower.includes(`<${element}`)) issues.add(`must not contain <${element}> elements`);
    if (EVENT_ATTRIBUTE.test(variant)) issues.add('must not contain event handler attributes (on...=)');
    if (isScriptUrl(variant)) issues.add('must not contain javascript: URLs');
  }
  return [...issues];
}

// ---- Plain-text alternative ----

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? entity;
    const point = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return point <= 0x10ffff ? String.fromCodePoint(point) : entity;
  });
}

/** Drops `open ... close` blocks (comments, style sheets, the title); linear: an unclosed block ends the text. */
function withoutBlocks(html: string, open: RegExp, close: RegExp): string {
  let out = '';
  let position = 0;
  for (;;) {
    open.lastIndex = position;
    const start = open.exec(html);
    if (!start) break;
    out += `${html.slice(position, start.index)} `;
    close.lastIndex = start.index + start[0].length;
    const end = close.exec(html);
    position = end ? end.index + end[0].length : html.length;
  }
  return out + html.slice(position);
}

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'ul', 'ol', 'blockquote']);

/** What a tag leaves in the plain text: paragraphs set apart by a blank line, divisions and rows end a line, list items become dashes. */
function tagText(name: string, closing: boolean): string {
  if (name === 'br' && !closing) return '\n';
  if (name === 'li' && !closing) return '\n- ';
  if (BLOCKS.has(name)) return '\n\n';
  return closing && (name === 'div' || name === 'tr') ? '\n' : '';
}

/**
 * Where the tag whose name ends before `from` ends: its `>`, read as a browser does: a quote opens
 * a value only after `=`, and a `>` inside one does not end the tag (`<a title="x > y" href=...>`).
 * -1 when it never ends. Linear in what it reads.
 */
function tagEnd(html: string, from: number): number {
  let valueNext = false;
  for (let at = from; at < html.length; at++) {
    const character = html.charAt(at);
    if (character === '>') return at;
    if (character === '=') valueNext = true;
    else if (valueNext && (character === '"' || character === "'")) {
      at = html.indexOf(character, at + 1);
      if (at < 0) return -1;
      valueNext = false;
    } else if (!/\s/.test(character)) valueNext = false;
  }
  return -1;
}

const TAG_START = /<(\/?)([a-z][a-z0-9]*|!)/gi;

/** Text with runs of whitespace made one space, and tags made what tagText says; a tag never closed ends the text, as in a browser. */
function textAndTags(html: string): string {
  let out = '';
  let position = 0;
  for (;;) {
    TAG_START.lastIndex = position;
    const start = TAG_START.exec(html);
    const end = start ? tagEnd(html, start.index + start[0].length) : -1;
    out += html.slice(position, start ? start.index : html.length).replace(/\s+/g, ' ');
    if (!start || end < 0) return out;
    out += tagText((start[2] ?? '').toLowerCase(), start[1] === '/');
    position = end + 1;
  }
}

/**
 * The text/plain alternative of a template's HTML, merge fields kept as written (they are filled
 * in afterwards, in text format): paragraphs are set apart by a blank line, divisions and rows
 * end a line, list items become dashes, other tags vanish, whatever their quoted attribute values
 * hold. Every scan is linear whatever the input.
 */
export function htmlToPlainText(html: string): string {
  let text = withoutBlocks(html, /<!--/g, /-->/g);
  text = withoutBlocks(text, /<style\b[^<>]*>/gi, /<\/style\s*>/gi);
  text = withoutBlocks(text, /<title\b[^<>]*>/gi, /<\/title\s*>/gi);
  return decodeEntities(textAndTags(text))
    .replace(/[ \t]*\n[ \t]*/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
