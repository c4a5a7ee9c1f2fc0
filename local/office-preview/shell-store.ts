/**
 * The preview mailbox's state, in the shell's memory: the items, the selection, what is being
 * written, what was sent, theme and language. It is the `OfficePreviewHost` the stand-in talks to;
 * the shell's views watch it through `onUi`.
 */
import { escapeHtml, htmlToText, sanitizeHtml, textToHtml } from './body-html';
import { type ItemState, sentItemOf, stateOf } from './item-state';
import type { BodyCoercion, InsertPosition, OfficePreviewHost, PreviewHostEvent, PreviewLanguage, PreviewTheme, RecipientField, SendEvent } from './preview-host';
import type { PreviewAddress, PreviewMailbox, PreviewSample, PreviewSamples } from './preview-types';

export type UiChange = 'selection' | 'list' | 'compose' | 'theme' | 'language';

/** The compose view's body editor, when shown: it inserts where the user's caret is. */
export interface ComposeEditor {
  itemId: string;
  insert(html: string, position: InsertPosition): string;
}

type ActionHandler = (event: SendEvent) => void;

export class PreviewStore implements OfficePreviewHost {
  private samples: PreviewSamples = { mailbox: { displayName: '', emailAddress: '', timeZone: 'UTC' }, items: [] };
  private readonly states = new Map<string, ItemState>();
  private readonly sentIds: string[] = [];
  private selectedId: string | null = null;
  private readonly hostListeners = new Map<PreviewHostEvent, Set<() => void>>([['itemChanged', new Set()], ['themeChanged', new Set()]]);
  private readonly uiListeners = new Set<(change: UiChange) => void>();
  private readonly actions = new Map<Window, Map<string, ActionHandler>>();
  private readonly actionWaiters = new Set<() => void>();
  private readonly ready: Promise<void>;
  private markReady: () => void = () => undefined;
  composeEditor: ComposeEditor | null = null;

  constructor(
    private currentTheme: PreviewTheme,
    private currentLanguage: PreviewLanguage,
  ) {
    this.ready = new Promise((resolve) => (this.markReady = resolve));
  }

  load(samples: PreviewSamples, selectedId: string | null): void {
    this.samples = structuredClone(samples);
    for (const sample of samples.items) this.states.set(sample.id, stateOf(sample));
    this.selectedId = selectedId !== null && this.states.has(selectedId) ? selectedId : null;
    this.markReady();
    this.emitUi('list');
    this.emitUi('selection');
  }

  // --- what the shell's views use -------------------------------------------------------------

  onUi(listener: (change: UiChange) => void): () => void {
    this.uiListeners.add(listener);
    return () => this.uiListeners.delete(listener);
  }

  inbox(): PreviewSample[] {
    return this.samples.items.map((sample) => this.state(sample.id).sample);
  }

  sent(): PreviewSample[] {
    return this.sentIds.map((id) => this.state(id).sample);
  }

  selected(): string | null {
    return this.selectedId;
  }

  select(id: string | null): void {
    if (id === this.selectedId || (id !== null && !this.states.has(id))) return;
    this.selectedId = id;
    this.emitUi('selection');
    this.emitHost('itemChanged');
  }

  setTheme(theme: PreviewTheme): void {
    if (theme === this.currentTheme) return;
    this.currentTheme = theme;
    this.emitUi('theme');
    this.emitHost('themeChanged');
  }

  setLanguage(language: PreviewLanguage): void {
    if (language === this.currentLanguage) return;
    this.currentLanguage = language;
    this.emitUi('language');
  }

  /** The person typing in the compose form: stored without redrawing the form. */
  editFromForm(id: string, patch: { to?: PreviewAddress[]; cc?: PreviewAddress[]; subject?: string; bodyHtml?: string }): void {
    const state = this.compose(id);
    if (patch.to) state.sample.to = patch.to;
    if (patch.cc) state.sample.cc = patch.cc;
    if (patch.subject !== undefined) state.sample.subject = patch.subject;
    if (patch.bodyHtml !== undefined) state.bodyHtml = patch.bodyHtml;
  }

  bodyHtmlOf(id: string): string {
    return this.state(id).bodyHtml;
  }

  /** Turns a draft into a sent message (selected) and starts the draft afresh. */
  markSent(id: string, now = new Date()): PreviewSample {
    const draft = this.compose(id);
    const sent = sentItemOf(draft, this.samples.mailbox, this.sentIds.length + 1, now);
    this.states.set(sent.sample.id, sent);
    this.sentIds.push(sent.sample.id);
    const original = this.samples.items.find((sample) => sample.id === id);
    if (original) this.states.set(id, stateOf(original));
    this.emitUi('list');
    this.select(sent.sample.id);
    return structuredClone(sent.sample);
  }

  /** Resolves with the handler `runtime` associated under `name`, once it has. */
  async actionOf(runtime: Window, name: string): Promise<ActionHandler> {
    for (;;) {
      const handler = this.actions.get(runtime)?.get(name);
      if (handler) return handler;
      await new Promise<void>((resolve) => this.actionWaiters.add(resolve));
    }
  }

  // --- OfficePreviewHost: what the stand-in uses ----------------------------------------------

  whenReady(): Promise<void> {
    return this.ready;
  }

  mailbox(): PreviewMailbox {
    return structuredClone(this.samples.mailbox);
  }

  theme(): PreviewTheme {
    return this.currentTheme;
  }

  language(): PreviewLanguage {
    return this.currentLanguage;
  }

  currentItem(): PreviewSample | null {
    return this.selectedId === null ? null : structuredClone(this.state(this.selectedId).sample);
  }

  subscribe(event: PreviewHostEvent, listener: () => void): () => void {
    const listeners = this.hostListeners.get(event);
    listeners?.add(listener);
    return () => listeners?.delete(listener);
  }

  getBody(id: string, coercion: BodyCoercion): string {
    const state = this.state(id);
    if (coercion === 'html') return state.bodyHtml;
    return state.bodyText ?? htmlToText(state.bodyHtml);
  }

  setBody(id: string, data: string, coercion: BodyCoercion): void {
    this.compose(id).bodyHtml = coercion === 'html' ? sanitizeHtml(data) : textToHtml(data);
    this.emitUi('compose');
  }

  insertBody(id: string, data: string, coercion: BodyCoercion, position: InsertPosition): void {
    const state = this.compose(id);
    const html = coercion === 'html' ? sanitizeHtml(data) : escapeHtml(data).replace(/\r?\n/g, '<br>');
    // With the draft on screen the editor inserts at the caret; otherwise Office puts it at the top.
    state.bodyHtml = this.composeEditor?.itemId === id ? this.composeEditor.insert(html, position) : html + state.bodyHtml;
  }

  getSubject(id: string): string {
    return this.compose(id).sample.subject;
  }

  setSubject(id: string, subject: string): void {
    this.compose(id).sample.subject = subject;
    this.emitUi('compose');
  }

  getRecipients(id: string, field: RecipientField): PreviewAddress[] {
    const state = this.compose(id);
    return structuredClone(field === 'bcc' ? state.bcc : state.sample[field]);
  }

  setRecipients(id: string, field: RecipientField, recipients: PreviewAddress[]): void {
    const state = this.compose(id);
    const copy = recipients.map(({ displayName, emailAddress }) => ({ displayName, emailAddress }));
    if (field === 'bcc') state.bcc = copy;
    else state.sample[field] = copy;
    this.emitUi('compose');
  }

  getInternetHeaders(id: string): Record<string, string> {
    return { ...this.state(id).headers };
  }

  setInternetHeaders(id: string, headers: Record<string, string>): void {
    const state = this.compose(id);
    state.headers = { ...state.headers, ...headers };
  }

  removeInternetHeaders(id: string, names: string[]): void {
    const state = this.compose(id);
    const gone = new Set(names.map((name) => name.toLowerCase()));
    state.headers = Object.fromEntries(Object.entries(state.headers).filter(([name]) => !gone.has(name.toLowerCase())));
  }

  getCustomProperties(id: string): Record<string, unknown> {
    return structuredClone(this.state(id).customProperties);
  }

  saveCustomProperties(id: string, values: Record<string, unknown>): void {
    this.state(id).customProperties = structuredClone(values);
  }

  saveItem(id: string): string {
    const state = this.state(id);
    state.saved = true;
    return state.sample.itemId;
  }

  isSaved(id: string): boolean {
    return this.state(id).saved;
  }

  associateAction(runtime: Window, name: string, handler: ActionHandler): void {
    const handlers = this.actions.get(runtime) ?? new Map<string, ActionHandler>();
    handlers.set(name, handler);
    this.actions.set(runtime, handlers);
    const waiters = [...this.actionWaiters];
    this.actionWaiters.clear();
    waiters.forEach((wake) => wake());
  }

  // --- inside ----------------------------------------------------------------------------------

  private state(id: string): ItemState {
    const state = this.states.get(id);
    if (!state) throw new Error(`The preview has no item ${id}.`);
    return state;
  }

  private compose(id: string): ItemState {
    const state = this.state(id);
    if (state.sample.kind !== 'message-compose') throw new Error(`The item ${id} is not being composed.`);
    return state;
  }

  private emitHost(event: PreviewHostEvent): void {
    for (const listener of [...(this.hostListeners.get(event) ?? [])]) {
      try {
        listener();
      } catch (error) {
        // A frame that went away without unsubscribing; the others still hear the event.
        console.warn('Office preview: a listener of the add-in failed.', error);
      }
    }
  }

  private emitUi(change: UiChange): void {
    this.uiListeners.forEach((listener) => listener(change));
  }
}
