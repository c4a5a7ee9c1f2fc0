/**
 * The line grammar of vCard (RFC 2426 §2.4, RFC 6350 §3): folding, `group.NAME;PARAM=...:value`
 * content lines, backslash escapes and `;`-separated structured values.
 */

export interface ContentLine {
  /** Upper case, without its group (`item1.EMAIL` is `EMAIL`). */
  name: string;
  /** Lower-case TYPE values, with `pref` for a PREF parameter; 2.1 bare parameters count as types. */
  types: string[];
  /** Still escaped: structured values are split before they are unescaped. */
  value: string;
}

/** Physical lines joined back: a line break followed by a space or tab continues the line. */
export function unfoldLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n|\r/g, '\n')
    .replace(/\n[ \t]/g, '')
    .split('\n')
    .filter((line) => line.trim() !== '');
}

/** Null for a line that is not a content line (no colon outside quotes). */
export function splitContentLine(line: string): ContentLine | null {
  const colon = indexOutsideQuotes(line, ':');
  if (colon < 0) return null;
  const [head = '', ...params] = splitOutsideQuotes(line.slice(0, colon), ';');
  const name = head.slice(head.lastIndexOf('.') + 1).trim().toUpperCase();
  const types: string[] = [];
  for (const param of params) {
    const equals = param.indexOf('=');
    if (equals < 0) {
      types.push(param.trim().toLowerCase());
      continue;
    }
    const key = param.slice(0, equals).trim().toUpperCase();
    const values = param.slice(equals + 1).replace(/"/g, '');
    if (key === 'TYPE') types.push(...values.split(',').map((type) => type.trim().toLowerCase()).filter(Boolean));
    if (key === 'PREF') types.push('pref');
  }
  return { name, types, value: line.slice(colon + 1) };
}

function indexOutsideQuotes(text: string, char: string): number {
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    if (text[index] === '"') quoted = !quoted;
    else if (!quoted && text[index] === char) return index;
  }
  return -1;
}

function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let rest = text;
  for (let index = indexOutsideQuotes(rest, separator); index >= 0; index = indexOutsideQuotes(rest, separator)) {
    parts.push(rest.slice(0, index));
    rest = rest.slice(index + 1);
  }
  parts.push(rest);
  return parts;
}

/** `\n` (or `\N`) is a line break; `\,` `\;` `\\` stand for themselves. */
export function unescapeValue(value: string): string {
  return value.replace(/\\([\s\S])/g, (_match, char: string) => (char === 'n' || char === 'N' ? '\n' : char));
}

export function escapeValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\r\n|\r|\n/g, '\\n').replace(/,/g, '\\,').replace(/;/g, '\\;');
}

/** Components of a structured value (N, ADR, ORG), split on unescaped semicolons, then unescaped. */
export function splitComponents(value: string): string[] {
  const components: string[] = [];
  let current = '';
  for (let index = 0; index < value.length; index += 1) {
    const char = value[index] as string;
    if (char === '\\' && index + 1 < value.length) {
      current += char + value[index + 1];
      index += 1;
    } else if (char === ';') {
      components.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  components.push(current);
  return components.map(unescapeValue);
}

const MAX_LINE_OCTETS = 75;

/** Lines longer than 75 octets are folded; a fold never splits a UTF-8 character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0) ?? 0);
    if (octets + size > MAX_LINE_OCTETS) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}

/** Octets of one code point in UTF-8 (no Buffer: this module also runs in the add-ins). */
function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  return codePoint < 0x10000 ? 3 : 4;
}
