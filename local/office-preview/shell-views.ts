/**
 * The shell's DOM: the message list, the reading view and the compose form. Plain DOM, built with
 * `textContent` (never HTML from data) except the draft's body, which is sanitised HTML.
 */
import { sanitizeHtml } from './body-html';
import type { PreviewStore } from './shell-store';
import type { PreviewAddress, PreviewSample } from './preview-types';

type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) if (child) element.append(child);
  return element;
}

export function formatAddress(address: PreviewAddress): string {
  return address.displayName && address.displayName !== address.emailAddress ? `${address.displayName} <${address.emailAddress}>` : address.emailAddress;
}

/** "Name <a@b>; c@d" back into addresses; separators inside the angle brackets do not split. */
export function parseAddresses(text: string): PreviewAddress[] {
  return (text.match(/(?:[^;,<]|<[^>]*>)+/g) ?? [])
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const match = /^(.*?)\s*<([^>]+)>$/.exec(part);
      const emailAddress = (match?.[2] ?? part).trim();
      const displayName = (match?.[1] ?? '').replace(/^"|"$/g, '').trim();
      return { displayName: displayName || emailAddress, emailAddress };
    });
}

export interface ViewContext {
  store: PreviewStore;
  locale: () => string;
  timeZone: () => string;
}

function when(context: ViewContext, iso: string, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(context.locale(), { ...options, timeZone: context.timeZone() }).format(new Date(iso));
}

function listButton(context: ViewContext, sample: PreviewSample, disabled: boolean): HTMLLIElement {
  const selected = context.store.selected() === sample.id;
  const button = el(
    'button',
    { type: 'button', class: 'item', 'data-testid': `item-${sample.id}`, 'data-item-id': sample.id },
    el('span', { class: 'item-label' }, sample.label),
    el('span', { class: 'item-date' }, sample.kind === 'message-compose' ? 'Draft' : when(context, sample.start ?? sample.dateTimeCreated, { dateStyle: 'medium', timeStyle: 'short' })),
  );
  if (selected) button.setAttribute('aria-current', 'true');
  button.disabled = disabled;
  button.addEventListener('click', () => context.store.select(sample.id));
  return el('li', {}, button);
}

export function renderList(context: ViewContext, inbox: HTMLElement, sent: HTMLElement, disabled: boolean): void {
  inbox.replaceChildren(...context.store.inbox().map((sample) => listButton(context, sample, disabled)));
  const sentItems = context.store.sent();
  sent.replaceChildren(...(sentItems.length ? sentItems.map((sample) => listButton(context, sample, disabled)) : [el('li', { class: 'empty' }, 'Nothing sent yet.')]));
}

/** Up and down arrows move between the list's items, as in Outlook's message list. */
export function enableArrowKeys(list: HTMLElement): void {
  list.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const buttons = [...list.querySelectorAll<HTMLButtonElement>('button.item:not(:disabled)')];
    const index = buttons.findIndex((button) => button === document.activeElement);
    const next = buttons[index + (event.key === 'ArrowDown' ? 1 : -1)];
    if (!next) return;
    event.preventDefault();
    next.focus();
    next.click();
  });
}

function row(label: string, value: string, testId: string): HTMLElement | null {
  return value ? el('div', { class: 'meta-row' }, el('span', { class: 'meta-label' }, label), el('span', { 'data-testid': testId }, value)) : null;
}

function bodyView(context: ViewContext, sample: PreviewSample): HTMLElement {
  const body = el('div', { class: 'body', 'data-testid': 'reading-body' });
  // A sent message keeps the HTML it was written with (templates included); samples are text.
  if (sample.id.startsWith('sent-')) body.innerHTML = sanitizeHtml(context.store.bodyHtmlOf(sample.id));
  else body.append(el('div', { class: 'text-body' }, sample.body));
  return body;
}

export function renderReading(context: ViewContext, pane: HTMLElement, sample: PreviewSample): void {
  const list = (addresses: PreviewAddress[] | undefined) => (addresses ?? []).map(formatAddress).join('; ');
  const meta =
    sample.kind === 'appointment-read'
      ? [
          row('When', `${when(context, sample.start ?? sample.dateTimeCreated, { dateStyle: 'full', timeStyle: 'short' })} – ${when(context, sample.end ?? sample.dateTimeCreated, { timeStyle: 'short' })}`, 'reading-when'),
          row('Where', sample.location ?? '', 'reading-location'),
          row('Organiser', sample.organizer ? formatAddress(sample.organizer) : '', 'reading-organizer'),
          row('Required', list(sample.requiredAttendees), 'reading-required'),
          row('Optional', list(sample.optionalAttendees), 'reading-optional'),
        ]
      : [
          row('From', sample.from ? formatAddress(sample.from) : '', 'reading-from'),
          row('To', list(sample.to), 'reading-to'),
          row('Cc', list(sample.cc), 'reading-cc'),
          row('Date', when(context, sample.dateTimeCreated, { dateStyle: 'full', timeStyle: 'short' }), 'reading-date'),
        ];
  pane.replaceChildren(el('h2', { class: 'subject', 'data-testid': 'reading-subject' }, sample.subject || '(no subject)'), el('div', { class: 'meta' }, ...meta), bodyView(context, sample));
}

function field(label: string, testId: string, value: string, onCommit: (value: string) => void): HTMLElement {
  const input = el('input', { type: 'text', id: `compose-${testId}`, 'data-testid': `compose-${testId}`, autocomplete: 'off' });
  input.value = value;
  input.addEventListener('change', () => onCommit(input.value));
  return el('div', { class: 'compose-row' }, el('label', { for: input.id }, label), input);
}

export interface ComposeView {
  root: HTMLElement;
  body: HTMLElement;
  send: HTMLButtonElement;
  /** Shows what the add-in changed (subject, recipients, body) without disturbing the rest. */
  refresh(): void;
}

export function renderCompose(context: ViewContext, pane: HTMLElement, sample: PreviewSample): ComposeView {
  const { store } = context;
  const id = sample.id;
  const to = field('To', 'to', sample.to.map(formatAddress).join('; '), (value) => store.editFromForm(id, { to: parseAddresses(value) }));
  const cc = field('Cc', 'cc', sample.cc.map(formatAddress).join('; '), (value) => store.editFromForm(id, { cc: parseAddresses(value) }));
  const subject = field('Subject', 'subject', sample.subject, (value) => store.editFromForm(id, { subject: value }));
  subject.querySelector('input')?.addEventListener('input', (event) => {
    if (event.target instanceof HTMLInputElement) store.editFromForm(id, { subject: event.target.value });
  });
  const body = el('div', { class: 'compose-body', contenteditable: 'true', role: 'textbox', 'aria-multiline': 'true', 'aria-label': 'Message body', 'data-testid': 'compose-body' });
  body.innerHTML = store.bodyHtmlOf(id);
  body.addEventListener('input', () => store.editFromForm(id, { bodyHtml: body.innerHTML }));
  const send = el('button', { type: 'button', class: 'primary', 'data-testid': 'send' }, 'Send');
  const root = el('form', { class: 'compose', 'aria-label': 'New message', 'data-testid': 'compose-form' }, el('div', { class: 'compose-actions' }, send), to, cc, subject, body);
  root.addEventListener('submit', (event) => event.preventDefault());
  pane.replaceChildren(root);
  const inputOf = (holder: HTMLElement) => holder.querySelector('input');
  return {
    root,
    body,
    send,
    refresh() {
      const current = store.currentItem();
      if (!current || current.id !== id) return;
      const values: Array<[HTMLInputElement | null, string]> = [
        [inputOf(to), current.to.map(formatAddress).join('; ')],
        [inputOf(cc), current.cc.map(formatAddress).join('; ')],
        [inputOf(subject), current.subject],
      ];
      for (const [input, value] of values) if (input && input.value !== value) input.value = value;
      const html = store.bodyHtmlOf(id);
      if (body.innerHTML !== html) body.innerHTML = html;
    },
  };
}
