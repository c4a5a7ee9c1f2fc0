/**
 * Message bodies in the preview shell: plain text to the HTML Outlook would hold, HTML to the text
 * Office's `CoercionType.Text` returns, and a sanitiser for HTML the add-in inserts (Outlook also
 * strips scripts and handlers from what add-ins write into a body).
 */

const BLOCKS = new Set(['P', 'DIV', 'LI', 'TR', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'TABLE', 'UL', 'OL']);
const DROPPED = ['script', 'style', 'iframe', 'frame', 'object', 'embed', 'link', 'meta', 'base', 'form', 'template'];

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Paragraphs on blank lines, line breaks inside them. */
export function textToHtml(text: string): string {
  if (text.trim() === '') return '';
  return text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${paragraph.split('\n').map(escapeHtml).join('<br>')}</p>`)
    .join('');
}

function parse(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html; // a template's content is inert: nothing loads or runs while we look at it
  return template.content;
}

export function sanitizeHtml(html: string): string {
  const content = parse(html);
  content.querySelectorAll(DROPPED.join(',')).forEach((element) => element.remove());
  content.querySelectorAll('*').forEach((element) => {
    for (const attribute of [...element.attributes]) {
      const name = attribute.name.toLowerCase();
      const value = attribute.value.trim().toLowerCase();
      if (name.startsWith('on') || ((name === 'href' || name === 'src' || name === 'action') && value.startsWith('javascript:'))) {
        element.removeAttribute(attribute.name);
      }
    }
  });
  const holder = document.createElement('div');
  holder.append(content);
  return holder.innerHTML;
}

function textOfNode(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return (node.textContent ?? '').replace(/\s+/g, ' ');
  if (!(node instanceof Element)) return '';
  if (node.tagName === 'BR') return '\n';
  const inner = [...node.childNodes].map(textOfNode).join('');
  return BLOCKS.has(node.tagName) ? `\n${inner.trim()}\n` : inner;
}

/** What a reader sees, line by line: blocks and `<br>` become line breaks. */
export function htmlToText(html: string): string {
  const text = [...parse(html).childNodes].map(textOfNode).join('');
  return text
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
