/**
 * E-mail templates: HTML with merge fields (mail-merge.ts) that reps insert from the Outlook
 * compose pane. A template is personal (its owner's alone) or shared with the tenant; shared
 * ones speak for the company, so only roles with `assign` on templates publish or change them.
 */
import { can } from './access-policy';
import { AppError } from './errors';
import { isScriptUrl } from './mail-merge';
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
  /** HTML with merge fields, checked by unsafeHtmlIssues before it is stored. */
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
 */
export function unsafeHtmlIssues(html: string): string[] {
  const lower = html.toLowerCase();
  const issues = FORBIDDEN_ELEMENTS.filter((element) => lower.includes(`<${element}`)).map((element) => `must not contain <${element}> elements`);
  if (EVENT_ATTRIBUTE.test(html)) issues.push('must not contain event handler attributes (on...=)');
  if (isScriptUrl(html)) issues.push('must not contain javascript: URLs');
  return issues;
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

/**
 * The text/plain alternative of a template's HTML, merge fields kept as written (they are filled
 * in afterwards, in text format): paragraphs are set apart by a blank line, divisions and rows
 * end a line, list items become dashes, other tags vanish. `[^<>]*` in tag patterns keeps every
 * scan linear whatever the input.
 */
export function htmlToPlainText(html: string): string {
  let text = withoutBlocks(html, /<!--/g, /-->/g);
  text = withoutBlocks(text, /<style\b[^<>]*>/gi, /<\/style\s*>/gi);
  text = withoutBlocks(text, /<title\b[^<>]*>/gi, /<\/title\s*>/gi);
  return decodeEntities(
    text
      .replace(/\s+/g, ' ')
      .replace(/<br\b[^<>]*>/gi, '\n')
      .replace(/<li\b[^<>]*>/gi, '\n- ')
      .replace(/<\/?(p|h[1-6]|table|ul|ol|blockquote)\b[^<>]*>/gi, '\n\n')
      .replace(/<\/(div|tr)\s*>/gi, '\n')
      .replace(/<\/?[a-z!][^<>]*>/gi, ''),
  )
    .replace(/[ \t]*\n[ \t]*/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
