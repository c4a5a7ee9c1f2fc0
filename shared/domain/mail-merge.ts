/**
 * Mail merge: `{{entity.field}}` placeholders with an optional fallback (`{{contact.firstName |
 * there}}`), the catalogue of fields a template may use, the check a template passes before it is
 * saved, and the resolver that fills them in. Nothing raw reaches a reader: a `{{` that is no
 * placeholder becomes a visible marker, and in HTML a value is escaped for where it stands (read
 * as a browser reads the tags around it) and never becomes markup, an attribute or a script URL.
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

/**
 * A template in order: text, placeholders, and `malformed` stretches, each a `{{` that does not
 * form a placeholder (`{{first name}}`, `{{contact.first-name}}`, an unclosed
 * `{{ contact.firstName }`). Those are refused when a template is saved (mergeSyntaxIssues) and
 * become an unknown-field marker when one stored before is rendered: no `{{` reaches a reader.
 * `source` is the stretch as written; `name` what a malformed one seems to name (no braces, may be empty).
 */
export type MergeToken =
  | { kind: 'text'; text: string }
  | { kind: 'field'; field: string; fallback?: string; source: string }
  | { kind: 'malformed'; source: string; name: string; closed: boolean };

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/**
 * A placeholder's inside (`contact.firstName | there`), or undefined when it is not one. No brace
 * may stand in one, fallback included: a rendered fallback can never make a `{{` with its neighbours.
 */
function placeholderOf(inner: string): { field: string; fallback?: string } | undefined {
  if (/[{}]/.test(inner)) return undefined;
  const bar = inner.indexOf('|');
  const name = (bar < 0 ? inner : inner.slice(0, bar)).trim();
  if (!FIELD_NAME.test(name)) return undefined;
  const field = mergeFieldDefinition(name)?.field ?? name;
  return bar < 0 ? { field } : { field, fallback: inner.slice(bar + 1).trim() };
}

/** What a malformed placeholder seems to name: the part before any `|`, braces dropped, spaces collapsed, 40 characters at most. */
function intendedName(inner: string): string {
  const bar = inner.indexOf('|');
  const name = (bar < 0 ? inner : inner.slice(0, bar)).replace(/[{}]/g, '').replace(/\s+/g, ' ').trim();
  return name.length > 40 ? `${name.slice(0, 39)}…` : name;
}

/** A `{{` never closed takes the word after it and one `}` (`{{ contact.firstName }`), never the markup around it. */
const UNCLOSED = /\{\{[ \t]*([^\s{}<>|"'=`]{0,60})(?:[ \t]*\})?/y;

/**
 * Text, placeholders and malformed stretches, in order. Linear in the template's length: each
 * `}}` is paired with the nearest `{{` before it (so `{{ oops {{contact.firstName}}` holds an
 * unclosed `{{` and a field), and no stretch of text is scanned twice.
 */
export function parseMergeTemplate(template: string): MergeToken[] {
  const tokens: MergeToken[] = [];
  let text = '';
  const flush = () => {
    if (text) tokens.push({ kind: 'text', text });
    text = '';
  };
  /** Text from `from` to `end`, each unclosed `{{` in it taken out (no `}}` follows one before `end`). */
  const textUntil = (from: number, end: number) => {
    let at = from;
    for (;;) {
      const lone = template.indexOf('{{', at);
      if (lone < 0 || lone + 2 > end) break;
      text += template.slice(at, lone);
      flush();
      UNCLOSED.lastIndex = lone;
      const match = UNCLOSED.exec(template);
      const source = match?.[0] ?? '{{';
      tokens.push({ kind: 'malformed', source, name: match?.[1] ?? '', closed: false });
      at = lone + source.length;
    }
    text += template.slice(at, end);
  };
  let position = 0;
  for (;;) {
    const open = template.indexOf('{{', position);
    const close = open < 0 ? -1 : template.indexOf('}}', open + 2);
    if (close < 0) break;
    const start = template.lastIndexOf('{{', close - 2);
    textUntil(position, start);
    flush();
    const source = template.slice(start, close + 2);
    const inner = template.slice(start + 2, close);
    const placeholder = placeholderOf(inner);
    tokens.push(placeholder ? { kind: 'field', ...placeholder, source } : { kind: 'malformed', source, name: intendedName(inner), closed: true });
    position = close + 2;
  }
  textUntil(position, template.length);
  flush();
  return tokens;
}

/** The distinct fields the templates use, in order of first use (unknown names included, as written; malformed placeholders are not fields). */
export function mergeFieldsOf(...templates: string[]): string[] {
  const fields = templates.flatMap((template) => parseMergeTemplate(template).flatMap((token) => (token.kind === 'field' ? [token.field] : [])));
  return [...new Set(fields)];
}

/** The template as if every placeholder showed its fallback, or nothing: all that its author puts into an e-mail. */
export function withFallbacks(template: string): string {
  return parseMergeTemplate(template)
    .map((token) => (token.kind === 'text' ? token.text : token.kind === 'field' ? (token.fallback ?? '') : ''))
    .join('');
}

// ---- Where in the HTML a placeholder stands ----

/** Schemes that run code: a merge value never gives one to any attribute. */
const SCRIPT_SCHEMES = new Set(['javascript', 'vbscript']);
/** Attributes a browser follows as a URL: there a merge value does not give a data: URL (a whole document or image) either. */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'background',
  'poster',
  'cite',
  'srcset',
  'lowsrc',
  'dynsrc',
  'longdesc',
  'usemap',
  'ping',
  'data',
  'codebase',
  'manifest',
  'icon',
]);
/** The character references that matter to a scheme; any other one is not a scheme character. */
const SCHEME_REFERENCES: Record<string, string> = { colon: ':', tab: '\t', newline: '\n' };

type Reference = { kind: 'amp' | 'hash' | 'dec' | 'hex' | 'name'; code: number; name: string };

/**
 * The URL scheme an attribute value starts with, read the way a browser reads it, one character
 * at a time, so that a merge value and the template text around it are judged together
 * (`href="&{{x}}"` with `#106;avascript:` is a javascript: link): character references
 * decoded, whitespace and control characters ignored, case folded. Linear, constant state.
 */
class SchemeReader {
  private scheme = '';
  private settled = false;
  private reference: Reference | undefined;
  /** The scheme, once a `:` has ended it. */
  found: string | undefined;

  copy(): SchemeReader {
    const copy = new SchemeReader();
    copy.scheme = this.scheme;
    copy.settled = this.settled;
    copy.found = this.found;
    copy.reference = this.reference && { ...this.reference };
    return copy;
  }

  /** Once settled, nothing after can change what the scheme is. */
  get isSettled(): boolean {
    return this.settled;
  }

  read(character: string): void {
    if (this.settled) return;
    const reference = this.reference;
    if (!reference) {
      if (character === '&') this.reference = { kind: 'amp', code: 0, name: '' };
      else this.decoded(character);
      return;
    }
    if (this.continues(reference, character)) return;
    // The reference ends before this character; `;` ends a complete one and belongs to it.
    this.reference = undefined;
    const complete = (reference.kind === 'dec' || reference.kind === 'hex' || reference.kind === 'name') && character === ';';
    this.decoded(referenceText(reference, complete));
    if (!complete) this.read(character);
  }

  private continues(reference: Reference, character: string): boolean {
    switch (reference.kind) {
      case 'amp':
        if (character === '#') reference.kind = 'hash';
        else if (/[a-z]/i.test(character)) Object.assign(reference, { kind: 'name', name: character });
        else return false;
        return true;
      case 'hash':
        if (character === 'x' || character === 'X') reference.kind = 'hex';
        else if (/\d/.test(character)) Object.assign(reference, { kind: 'dec', code: Number(character) });
        else return false;
        return true;
      case 'dec':
        if (!/\d/.test(character)) return false;
        reference.code = Math.min(reference.code * 10 + Number(character), 0x110000);
        return true;
      case 'hex':
        if (!/[0-9a-f]/i.test(character)) return false;
        reference.code = Math.min(reference.code * 16 + parseInt(character, 16), 0x110000);
        reference.name += character;
        return true;
      case 'name':
        if (!/[a-z0-9]/i.test(character) || reference.name.length >= 32) return false;
        reference.name += character;
        return true;
    }
  }

  private decoded(text: string): void {
    for (const character of text) {
      if (this.settled) return;
      if ((character.codePointAt(0) ?? 0) <= 0x20) continue;
      if (character === ':') {
        this.settled = true;
        this.found = this.scheme;
      } else if (/[a-z0-9+.-]/i.test(character) && this.scheme.length < 16) {
        this.scheme += character.toLowerCase();
      } else {
        this.settled = true;
      }
    }
  }
}

/** What a character reference reads as for a scheme (`&` where it is not one a scheme cares about). */
function referenceText(reference: Reference, complete: boolean): string {
  switch (reference.kind) {
    case 'dec':
      return codePointText(reference.code);
    case 'hex':
      return reference.name ? codePointText(reference.code) : '&#x';
    case 'name':
      return (complete && SCHEME_REFERENCES[reference.name.toLowerCase()]) || '&';
    default:
      return '&';
  }
}

function codePointText(code: number): string {
  return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\ufffd' : String.fromCodePoint(code);
}

type ScanState =
  | 'data'
  | 'tagOpen'
  | 'endTagOpen'
  | 'tagName'
  | 'beforeName'
  | 'name'
  | 'afterName'
  | 'beforeValue'
  | 'double'
  | 'single'
  | 'unquoted'
  | 'afterValue'
  | 'raw';

/**
 * Where a placeholder stands: `text` between tags, a quoted `attribute` value, an `unquoted`
 * attribute value, elsewhere inside a `tag` (a name, between attributes, right after `<`), or the
 * `raw` text of style, title and the like.
 */
type MergePlace = 'text' | 'attribute' | 'unquoted' | 'tag' | 'raw';

/** Elements whose content is text up to their end tag (in HTML, not inside svg or math). */
const RAW_TEXT = new Set(['style', 'title', 'textarea', 'xmp', 'iframe', 'noembed', 'noframes']);
const SPACE = /[\t\n\f\r ]/;
const ASCII_LETTER = /^[A-Za-z]$/;

/**
 * Follows HTML as the browser's tokenizer does, quotes included (`<a title="x > y" href="` is
 * still inside the tag). Where it must simplify it errs towards "inside a tag": comments and
 * `<!...>` are read as text, so the tags in Outlook's conditional comments count as tags (Outlook
 * renders them), and `<script>` is not raw text; svg and math content never is.
 */
class HtmlScanner {
  private state: ScanState = 'data';
  private tag = '';
  private endTag = false;
  private rawEnd = '';
  private recent = '';
  private foreign = { svg: 0, math: 0 };
  /** Open style elements inside svg or math, whose content is CSS read as markup (not raw text). */
  private foreignStyle = 0;
  /** The attribute being read or whose value this is, lower case. */
  attribute = '';
  private scheme = new SchemeReader();

  copy(): HtmlScanner {
    const copy = new HtmlScanner();
    Object.assign(copy, this);
    copy.foreign = { ...this.foreign };
    copy.scheme = this.scheme.copy();
    return copy;
  }

  place(): MergePlace {
    switch (this.state) {
      case 'data':
        return 'text';
      case 'raw':
        return 'raw';
      case 'double':
      case 'single':
        return 'attribute';
      case 'beforeValue':
      case 'unquoted':
        return 'unquoted';
      default:
        return 'tag';
    }
  }

  feed(text: string): void {
    for (const character of text) this.step(character);
  }

  /** Whether this is CSS: a style attribute's value or a style element's content, where a value could restyle the e-mail or load a URL. */
  inStyle(): boolean {
    if (this.foreignStyle > 0) return true;
    if (this.state === 'raw') return this.rawEnd === '</style';
    const place = this.place();
    return (place === 'attribute' || place === 'unquoted') && this.attribute === 'style';
  }

  /** Whether the text, read from here to the end of the attribute value this is in, makes that value a javascript: or vbscript: URL, or a data: URL in a URL attribute. */
  makesDangerousUrl(text: string): boolean {
    const probe = this.copy();
    for (const character of text) {
      if (probe.place() !== 'attribute' && probe.place() !== 'unquoted') break;
      if (probe.scheme.isSettled) break;
      probe.step(character);
    }
    return this.refuses(probe.scheme.found);
  }

  /**
   * Whether a value that may yet start this attribute's URL is, read on its own with its character
   * references decoded, one this attribute must not get. (Escaped, its references stay text to a
   * browser; a value looking like a script URL is still nothing to send.)
   */
  refusesValue(value: string): boolean {
    if (this.scheme.isSettled) return false;
    const reader = new SchemeReader();
    for (const character of value) reader.read(character);
    return this.refuses(reader.found);
  }

  private refuses(scheme: string | undefined): boolean {
    return scheme !== undefined && (SCRIPT_SCHEMES.has(scheme) || (scheme === 'data' && URL_ATTRIBUTES.has(this.attribute)));
  }

  /** Whether text written here stays where it starts: inside this attribute value, or (between tags) leaves no tag or raw text open. */
  keeps(text: string): boolean {
    const probe = this.copy();
    for (const character of text) {
      probe.step(character);
      if (this.state !== 'data' && probe.state !== this.state) return false;
    }
    return probe.state === this.state;
  }

  private step(character: string): void {
    const lower = character.toLowerCase();
    switch (this.state) {
      case 'data':
        if (character === '<') this.state = 'tagOpen';
        return;
      case 'tagOpen':
        if (ASCII_LETTER.test(character)) this.startTag(lower, false);
        else if (character === '/') this.state = 'endTagOpen';
        else {
          this.state = 'data';
          this.step(character);
        }
        return;
      case 'endTagOpen':
        if (ASCII_LETTER.test(character)) this.startTag(lower, true);
        else {
          this.state = 'data';
          if (character !== '>') this.step(character);
        }
        return;
      case 'tagName':
        if (SPACE.test(character) || character === '/') this.state = 'beforeName';
        else if (character === '>') this.endOfTag();
        else if (this.tag.length < 32) this.tag += lower;
        return;
      case 'beforeName':
        if (SPACE.test(character) || character === '/') return;
        if (character === '>') this.endOfTag();
        else this.startAttribute(lower);
        return;
      case 'name':
        if (SPACE.test(character)) this.state = 'afterName';
        else if (character === '/') this.state = 'beforeName';
        else if (character === '=') this.startValue();
        else if (character === '>') this.endOfTag();
        else if (this.attribute.length < 64) this.attribute += lower;
        return;
      case 'afterName':
        if (SPACE.test(character)) return;
        if (character === '/') this.state = 'beforeName';
        else if (character === '=') this.startValue();
        else if (character === '>') this.endOfTag();
        else this.startAttribute(lower);
        return;
      case 'beforeValue':
        if (SPACE.test(character)) return;
        if (character === '"') this.state = 'double';
        else if (character === "'") this.state = 'single';
        else if (character === '>') this.endOfTag();
        else {
          this.state = 'unquoted';
          this.scheme.read(character);
        }
        return;
      case 'double':
      case 'single':
        if (character === (this.state === 'double' ? '"' : "'")) this.state = 'afterValue';
        else this.scheme.read(character);
        return;
      case 'unquoted':
        if (SPACE.test(character)) this.state = 'beforeName';
        else if (character === '>') this.endOfTag();
        else this.scheme.read(character);
        return;
      case 'afterValue':
        if (character === '>') this.endOfTag();
        else {
          this.state = 'beforeName';
          if (!SPACE.test(character) && character !== '/') this.step(character);
        }
        return;
      case 'raw':
        if ((SPACE.test(character) || character === '/' || character === '>') && this.recent === this.rawEnd) {
          this.tag = this.rawEnd.slice(2);
          this.endTag = true;
          if (character === '>') this.endOfTag();
          else this.state = 'beforeName';
        } else {
          this.recent = (this.recent + lower).slice(-this.rawEnd.length);
        }
        return;
    }
  }

  private startTag(first: string, end: boolean): void {
    this.state = 'tagName';
    this.tag = first;
    this.endTag = end;
  }

  private startAttribute(first: string): void {
    this.state = 'name';
    this.attribute = first;
  }

  private startValue(): void {
    this.state = 'beforeValue';
    this.scheme = new SchemeReader();
  }

  private endOfTag(): void {
    this.state = 'data';
    const name = this.tag;
    if (name === 'svg' || name === 'math') this.foreign[name] = Math.max(0, this.foreign[name] + (this.endTag ? -1 : 1));
    // Erring towards CSS: a self-closed <style/> counts as open until its svg or math ends.
    if (this.foreign.svg + this.foreign.math === 0) this.foreignStyle = 0;
    else if (name === 'style') this.foreignStyle = Math.max(0, this.foreignStyle + (this.endTag ? -1 : 1));
    if (!this.endTag && RAW_TEXT.has(name) && this.foreign.svg + this.foreign.math === 0) {
      this.state = 'raw';
      this.rawEnd = `</${name}`;
      this.recent = '';
    }
  }
}

// ---- Checking a template before it is saved ----

const CATALOGUE = 'see GET /api/email-templates/merge-fields';
const SYNTAX = 'write {{entity.field}}, e.g. {{contact.firstName}}, or with a fallback {{contact.firstName | there}}';

function squashed(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Catalogue fields an author may have meant by a name that is not one (`first name`, `contact.first-name`, `Account Name`). */
function meantFields(name: string): string[] {
  const wanted = squashed(name);
  if (!wanted) return [];
  return MERGE_FIELDS.filter((definition) =>
    [definition.field, definition.field.slice(definition.entity.length + 1), definition.label].some((spelling) => squashed(spelling) === wanted),
  ).map((definition) => definition.field);
}

function insteadOf(name: string): string {
  const meant = meantFields(name).slice(0, 3);
  return `${meant.length ? `use ${meant.map((field) => `{{${field}}}`).join(' or ')}` : SYNTAX} — ${CATALOGUE}`;
}

function quoted(source: string): string {
  const flat = source.replace(/\s+/g, ' ').trim();
  return `\`${flat.length > 60 ? `${flat.slice(0, 59)}…` : flat}\``;
}

function malformedIssue(token: Extract<MergeToken, { kind: 'malformed' }>): string {
  if (!token.closed) return `${quoted(token.source)} is not closed with }}; ${insteadOf(token.name)}`;
  if (/[{}]/.test(token.source.slice(2, -2))) return `${quoted(token.source)} is not a merge field: no brace may stand inside one, fallback included; ${insteadOf(token.name)}`;
  if (!token.name) return `${quoted(token.source)} is an empty merge field; ${SYNTAX} — ${CATALOGUE}`;
  return `${quoted(token.source)} is not a merge field; ${insteadOf(token.name)}`;
}

/**
 * Why a subject (`text`) or body (`html`) may not be saved as written, or an empty list: every
 * `{{` must form a placeholder, and in HTML each placeholder must stand in text or in a quoted
 * attribute value, where a value cannot add attributes, with a fallback that keeps it there, and
 * never in a style (CSS). At
 * most ten messages, each naming the offending text and the valid syntax.
 */
export function mergeSyntaxIssues(template: string, format: MergeFormat): string[] {
  const issues = new Set<string>();
  const tokens = parseMergeTemplate(template);
  const scanner = format === 'html' ? new HtmlScanner() : undefined;
  for (const [index, token] of tokens.entries()) {
    if (token.kind === 'text') {
      scanner?.feed(token.text);
      continue;
    }
    if (token.kind === 'malformed') {
      issues.add(malformedIssue(token));
      continue;
    }
    const before = tokens[index - 1];
    if (before?.kind === 'text' && before.text.endsWith('{')) issues.add(`${quoted(`{${token.source}`)} has a brace too many; write ${token.source}`);
    const place = scanner?.place();
    if (scanner?.inStyle()) {
      issues.add(
        `${quoted(token.source)} stands in a style: merge fields cannot go into styles (a style attribute or a <style> element), where a value could restyle the e-mail or load a URL; put it in the text or in another quoted attribute value`,
      );
    } else if (place === 'unquoted') {
      const name = scanner?.attribute ?? '';
      issues.add(`${quoted(token.source)} is the unquoted value of ${name}=: a value with spaces would add attributes to the tag; put it in quotes: ${name}="${token.source}"`);
    } else if (place === 'tag') {
      issues.add(`${quoted(token.source)} stands inside a tag but outside an attribute value; put merge fields in the text or in a quoted attribute value, e.g. title="{{contact.fullName}}"`);
    } else if (scanner && token.fallback !== undefined && !scanner.keeps(token.fallback)) {
      issues.add(
        `the fallback of ${quoted(token.source)} would ${place === 'text' ? 'leave a tag open' : 'end the attribute value it stands in'}; leave quotes and < > out of it`,
      );
    }
  }
  return [...issues].slice(0, 10);
}

// ---- Rendering ----

export type MergeValue = { status: 'value'; value: string } | { status: 'missing' } | { status: 'unknown' };
export type MergeFieldStatus = 'resolved' | 'fallback' | 'missing' | 'unknown';
export interface MergeFieldUse {
  field: string;
  status: MergeFieldStatus;
}
export type MergeFormat = 'html' | 'text';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '{': '&#123;',
  '}': '&#125;',
  '`': '&#96;',
  '=': '&#61;',
};

function escaped(text: string, characters: RegExp): string {
  return text.replace(characters, (character) => ESCAPES[character] ?? `&#${character.codePointAt(0) ?? 32};`);
}

/** Braces are escaped too, so a value can never form a placeholder for a later merge of the output. */
export function escapeHtml(text: string): string {
  return escaped(text, /[&<>"'{}]/g);
}

/**
 * A value for an attribute: also the backtick (a quote to old browsers) and `=`; in an unquoted
 * value (templates stored before those were refused) whitespace too, so it cannot end the value.
 */
function escapeFor(place: MergePlace, text: string): string {
  if (place === 'attribute') return escaped(text, /[&<>"'{}`=]/g);
  if (place === 'unquoted' || place === 'tag') return escaped(text, /[&<>"'{}`=\s]/g);
  return escapeHtml(text);
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
  if (status === 'missing') return `[${mergeFieldDefinition(field)?.label ?? field}]`;
  return field ? `[Unknown field: ${field}]` : '[Unknown field]';
}

function marker(field: string, status: 'missing' | 'unknown', format: MergeFormat, place: MergePlace): string {
  const text = markerText(field, status);
  if (format === 'text') return text;
  // Anywhere but between tags markup would break what it stands in: the marker is plain text there.
  if (place !== 'text') return escapeFor(place, text);
  return `<span data-merge-field="${escapeHtml(field)}" data-merge-status="${status}" style="${MARKER_STYLE}">${escapeHtml(text)}</span>`;
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
 * values are escaped for where they stand and the template's own markup and fallbacks are kept as
 * written; a missing value without fallback, an unknown field and a malformed placeholder become
 * a visible marker. In HTML a value never goes where it could add markup or attributes: inside a
 * tag outside a quoted value or in a style (templates stored before those were refused) it is a
 * marker, and a value (or fallback) that would make an attribute a javascript:, vbscript: or data: URL counts as missing.
 */
export function renderMergeTemplate(template: string, lookup: (field: string) => MergeValue, format: MergeFormat): { output: string; fields: MergeFieldUse[] } {
  const tokens = parseMergeTemplate(template);
  const scanner = format === 'html' ? new HtmlScanner() : undefined;
  const uses: MergeFieldUse[] = [];
  let output = '';
  /** The last placeholder written as nothing (an empty fallback), while nothing has followed it. */
  let blank: MergeFieldUse | undefined;
  const write = (piece: string) => {
    if (!piece) return;
    // `{` + `{{x | }}` + `{` would put a `{{` before the reader: the empty fallback shows as missing instead.
    if (blank && output.endsWith('{') && piece.startsWith('{')) {
      const gap = marker(blank.field, 'missing', format, scanner?.place() ?? 'text');
      blank.status = 'missing';
      output += gap;
      scanner?.feed(gap);
    }
    output += piece;
    scanner?.feed(piece);
    blank = undefined;
  };
  for (const [index, token] of tokens.entries()) {
    if (token.kind === 'text') {
      write(token.text);
      continue;
    }
    const place = scanner?.place() ?? 'text';
    if (token.kind === 'malformed') {
      write(marker(token.name, 'unknown', format, place));
      uses.push({ field: token.name || token.source, status: 'unknown' });
      continue;
    }
    if (scanner?.inStyle()) {
      // In CSS a value could restyle the e-mail or load a URL (templates stored before that was refused): its marker, as plain text.
      const status = lookup(token.field).status === 'unknown' ? 'unknown' : 'missing';
      write(escapeFor(place, markerText(token.field, status)));
      uses.push({ field: token.field, status });
      continue;
    }
    const next = tokens[index + 1];
    const after = next?.kind === 'text' ? next.text : '';
    const inAttribute = place === 'attribute' || place === 'unquoted';
    /** In HTML, whether a piece may be written here: never inside a tag outside a quoted value, template text only if it stays where it starts, nothing that makes the attribute a refused URL. */
    const fits = (piece: string, isTemplateText: boolean) =>
      !scanner || (place !== 'tag' && (!isTemplateText || scanner.keeps(piece)) && !(inAttribute && scanner.makesDangerousUrl(piece + after)));
    const found = lookup(token.field);
    // An empty value would read as a gap ("Dear ,"); a script URL in an attribute would be a link that runs code.
    const value = found.status === 'value' && found.value.trim() !== '' ? found.value : undefined;
    const refused = value !== undefined && inAttribute && (isScriptUrl(value) || scanner?.refusesValue(value) === true);
    const written = value === undefined || refused ? undefined : scanner ? escapeFor(place, value) : value;
    if (written !== undefined && fits(written, false)) {
      write(written);
      uses.push({ field: token.field, status: 'resolved' });
    } else if (found.status !== 'unknown' && token.fallback !== undefined && fits(token.fallback, true)) {
      const use: MergeFieldUse = { field: token.field, status: 'fallback' };
      uses.push(use);
      write(token.fallback);
      if (!token.fallback) blank = use;
    } else {
      const status = found.status === 'unknown' ? 'unknown' : 'missing';
      write(marker(token.field, status, format, place));
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
