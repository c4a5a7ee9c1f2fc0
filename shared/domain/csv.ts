/**
 * CSV as RFC 4180 defines it, read leniently (what Excel, Outlook and Google Contacts write) and
 * written strictly. Pure: text in, rows out, and back.
 */

export const CSV_DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    /** 1-based line of the text where the problem starts. */
    readonly line: number,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

const BOM = '\uFEFF';

/** Excel writes a byte-order mark before UTF-8 text; it is not part of the first header. */
export function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/**
 * The delimiter of the first record: the candidate found most often outside quotes, comma on a
 * tie. French (and most European) Excel writes `;`, because `,` is its decimal separator.
 */
export function detectDelimiter(input: string): CsvDelimiter {
  const text = stripBom(input);
  const counts = new Map<CsvDelimiter, number>(CSV_DELIMITERS.map((delimiter) => [delimiter, 0]));
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char as CsvDelimiter)) counts.set(char as CsvDelimiter, (counts.get(char as CsvDelimiter) ?? 0) + 1);
  }
  let best: CsvDelimiter = ',';
  for (const [delimiter, count] of counts) if (count > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

/**
 * Records of fields. Quoted fields may hold delimiters, line breaks and doubled quotes; records
 * end with CRLF, LF or a lone CR; a final line break adds no empty record. Lenient where Excel
 * is: a quote inside an unquoted field is kept as text, and text after a closing quote is kept.
 * An opening quote never closed is an error (it would silently swallow the rest of the file).
 */
export function parseCsv(input: string, delimiter: CsvDelimiter = detectDelimiter(input)): string[][] {
  const text = stripBom(input);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let fieldStarted = false; // the current field has content or an opening quote
  let line = 1;
  for (let index = 0; index < text.length; ) {
    const char = text[index] as string;
    if (char === '"' && !fieldStarted) {
      const closed = readQuoted(text, index + 1);
      if (closed.end < 0) throw new CsvSyntaxError(`A quoted field opened on line ${line} is never closed.`, line);
      field += closed.value;
      line += closed.lineBreaks;
      fieldStarted = true;
      index = closed.end;
    } else if (char === delimiter) {
      row.push(field);
      field = '';
      fieldStarted = false;
      index += 1;
    } else if (char === '\r' || char === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      fieldStarted = false;
      line += 1;
      index += char === '\r' && text[index + 1] === '\n' ? 2 : 1;
    } else {
      field += char;
      fieldStarted = true;
      index += 1;
    }
  }
  if (fieldStarted || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The content of a quoted field starting after its opening quote; `end` is just past the closing quote, -1 if none. */
function readQuoted(text: string, start: number): { value: string; end: number; lineBreaks: number } {
  let value = '';
  let lineBreaks = 0;
  for (let index = start; index < text.length; ) {
    const next = text.indexOf('"', index);
    if (next < 0) break;
    const chunk = text.slice(index, next);
    value += chunk;
    lineBreaks += countLineBreaks(chunk);
    if (text[next + 1] === '"') {
      value += '"';
      index = next + 2;
    } else {
      return { value, end: next + 1, lineBreaks };
    }
  }
  return { value, end: -1, lineBreaks };
}

function countLineBreaks(text: string): number {
  return (text.match(/\r\n|\r|\n/g) ?? []).length;
}

export interface CsvWriteOptions {
  delimiter?: CsvDelimiter;
  /** Start with a byte-order mark, so Excel opens the UTF-8 file with its accents intact. */
  bom?: boolean;
}

/** RFC 4180: CRLF after every record; a field is quoted when it holds a delimiter, quote, line break or edge spaces. */
export function writeCsv(rows: ReadonlyArray<ReadonlyArray<string>>, options: CsvWriteOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const body = rows.map((row) => row.map((value) => escapeCsvField(value, delimiter)).join(delimiter) + '\r\n').join('');
  return (options.bom ? BOM : '') + body;
}

export function escapeCsvField(value: string, delimiter: CsvDelimiter = ','): string {
  const needsQuotes = value.includes(delimiter) || /["\r\n]/.test(value) || /^\s|\s$/.test(value);
  return needsQuotes ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Spreadsheets run a cell starting with = + - @ (or a tab / carriage return before one) as a
 * formula: an exported "=HYPERLINK(...)" typed by anyone into a CRM field would run on the
 * reader's machine. A leading apostrophe makes Excel and LibreOffice show the text as text.
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The inverse on import, so an exported file comes back unchanged ("'+44 20" is "+44 20"). */
export function restoreNeutralized(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}
