// A small XML reader for our own manifests: elements, attributes, character data, line numbers.
// Enough for well-formed files we write ourselves (no DTDs, no external entities); xmllint does
// the full check against the schemas.

export interface XmlElement {
  /** As written, with its prefix: `bt:Image`. */
  readonly name: string;
  /** Without the prefix: `Image`. */
  readonly localName: string;
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: XmlElement[];
  /** Character data directly inside the element, entities decoded. */
  text: string;
  readonly line: number;
}

export class XmlSyntaxError extends Error {
  constructor(message: string, readonly line: number) {
    super(`line ${line}: ${message}`);
    this.name = 'XmlSyntaxError';
  }
}

const NAME = '[A-Za-z_][\\w.:-]*';
const START_TAG = new RegExp(`<(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>`, 'y');
const END_TAG = new RegExp(`</(${NAME})\\s*>`, 'y');
const ATTRIBUTE = new RegExp(`(${NAME})\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'g');
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(raw: string, line: number): string {
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);|&/g, (match: string, entity: string | undefined) => {
    if (entity === undefined) throw new XmlSyntaxError('a bare "&" (write &amp;)', line);
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    const known = ENTITIES[entity];
    if (known === undefined) throw new XmlSyntaxError(`unknown entity ${match}`, line);
    return known;
  });
}

function readAttributes(source: string, line: number): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of source.matchAll(ATTRIBUTE)) {
    const [, name = '', doubleQuoted, singleQuoted] = match;
    if (attributes.has(name)) throw new XmlSyntaxError(`attribute ${name} is repeated`, line);
    attributes.set(name, decodeEntities(doubleQuoted ?? singleQuoted ?? '', line));
  }
  return attributes;
}

/** Parses a document and returns its root element; throws XmlSyntaxError when it is not well-formed. */
export function parseXml(source: string): XmlElement {
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let position = 0;
  let line = 1;
  const advanceTo = (next: number): void => {
    for (let i = position; i < next; i += 1) if (source.charCodeAt(i) === 10) line += 1;
    position = next;
  };
  const skipPast = (terminator: string, what: string): void => {
    const end = source.indexOf(terminator, position);
    if (end < 0) throw new XmlSyntaxError(`${what} is not closed`, line);
    advanceTo(end + terminator.length);
  };

  while (position < source.length) {
    const open = source.indexOf('<', position);
    const text = source.slice(position, open < 0 ? source.length : open);
    const current = stack[stack.length - 1];
    if (current) current.text += decodeEntities(text, line);
    else if (text.trim() !== '') throw new XmlSyntaxError('text outside the root element', line);
    advanceTo(open < 0 ? source.length : open);
    if (open < 0) break;

    if (source.startsWith('<?', position)) skipPast('?>', 'a processing instruction');
    else if (source.startsWith('<!--', position)) skipPast('-->', 'a comment');
    else if (source.startsWith('<![CDATA[', position)) {
      const end = source.indexOf(']]>', position);
      if (!current || end < 0) throw new XmlSyntaxError('CDATA outside an element or not closed', line);
      current.text += source.slice(position + 9, end);
      advanceTo(end + 3);
    } else if (source.startsWith('<!', position)) {
      throw new XmlSyntaxError('DOCTYPE declarations are not supported', line);
    } else if (source.startsWith('</', position)) {
      END_TAG.lastIndex = position;
      const end = END_TAG.exec(source);
      if (!end) throw new XmlSyntaxError('malformed end tag', line);
      const closed = stack.pop();
      if (closed?.name !== end[1]) {
        throw new XmlSyntaxError(`</${end[1]}> does not close ${closed ? `<${closed.name}> of line ${closed.line}` : 'any element'}`, line);
      }
      advanceTo(END_TAG.lastIndex);
    } else {
      START_TAG.lastIndex = position;
      const start = START_TAG.exec(source);
      if (!start) throw new XmlSyntaxError('malformed start tag', line);
      const [, name = '', attributeSource = '', selfClosing] = start;
      const element: XmlElement = {
        name,
        localName: name.slice(name.indexOf(':') + 1),
        attributes: readAttributes(attributeSource, line),
        children: [],
        text: '',
        line,
      };
      if (current) current.children.push(element);
      else if (root) throw new XmlSyntaxError(`a second root element <${name}>`, line);
      else root = element;
      if (!selfClosing) stack.push(element);
      advanceTo(START_TAG.lastIndex);
    }
  }
  const unclosed = stack.pop();
  if (unclosed) throw new XmlSyntaxError(`<${unclosed.name}> of line ${unclosed.line} is not closed`, line);
  if (!root) throw new XmlSyntaxError('no root element', line);
  return root;
}

/** Every element under (and including) root, in document order, with its parent. */
export function* walkElements(root: XmlElement, parent?: XmlElement): Generator<{ element: XmlElement; parent?: XmlElement }> {
  yield { element: root, parent };
  for (const child of root.children) yield* walkElements(child, root);
}
