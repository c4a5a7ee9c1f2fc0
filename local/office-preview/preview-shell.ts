/**
 * The preview page that plays Outlook: message list, reading view or compose form, and the add-in
 * pinned on the right. Loaded in the page's <head> so the host exists before the pane's frame
 * looks for it. `?item=<id>&theme=dark&lang=fr-FR` preselect; `?item=none` selects nothing.
 */
import { attachComposeEditor } from './compose-editor';
import { PREVIEW_HOST_KEY, type PreviewLanguage, type PreviewTheme } from './preview-host';
import type { PreviewSamples } from './preview-types';
import { SendFlow } from './send-flow';
import { PreviewStore, type UiChange } from './shell-store';
import { type ComposeView, el, enableArrowKeys, renderCompose, renderList, renderReading, type ViewContext } from './shell-views';

const DEFAULT_ITEM = 'msg-known';

const params = new URLSearchParams(window.location.search);
const initialTheme: PreviewTheme = params.get('theme') === 'dark' ? 'dark' : 'light';
const initialLanguage: PreviewLanguage = params.get('lang') === 'fr-FR' ? 'fr-FR' : 'en-US';
const store = new PreviewStore(initialTheme, initialLanguage);
Reflect.set(window, PREVIEW_HOST_KEY, store);
document.documentElement.dataset.theme = initialTheme;

function isSamples(value: unknown): value is PreviewSamples {
  return typeof value === 'object' && value !== null && 'mailbox' in value && 'items' in value && Array.isArray(value.items);
}

async function loadSamples(): Promise<PreviewSamples> {
  const response = await fetch('/preview/samples.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`the add-in server answered ${response.status} for /preview/samples.json`);
  const body: unknown = await response.json();
  if (!isSamples(body)) throw new Error('/preview/samples.json does not hold sample items');
  return body;
}

function byId<T extends HTMLElement>(id: string, type: new () => T): T {
  const element = document.getElementById(id);
  if (!(element instanceof type)) throw new Error(`The preview page lacks #${id}.`);
  return element;
}

function keepUrlInStep(): void {
  const url = new URL(window.location.href);
  url.searchParams.set('item', store.selected() ?? 'none');
  url.searchParams.set('theme', store.theme());
  url.searchParams.set('lang', store.language());
  window.history.replaceState(null, '', url);
}

function start(samples: Promise<PreviewSamples>): void {
  const inbox = byId('inbox-list', HTMLUListElement);
  const sentList = byId('sent-list', HTMLUListElement);
  const reading = byId('reading-pane', HTMLElement);
  const pane = byId('addin-pane', HTMLIFrameElement);
  const themeSelect = byId('theme', HTMLSelectElement);
  const languageSelect = byId('language', HTMLSelectElement);
  const status = byId('send-status', HTMLElement);
  const errorDialog = byId('send-error', HTMLDialogElement);
  const context: ViewContext = { store, locale: () => store.language(), timeZone: () => store.mailbox().timeZone };
  let busy = false;
  let compose: ComposeView | null = null;
  let detachEditor: () => void = () => undefined;

  const sendFlow = new SendFlow(store, {
    busy(on) {
      busy = on;
      renderList(context, inbox, sentList, busy);
      if (compose) compose.send.disabled = on;
    },
    status: (text) => (status.textContent = text),
    blocked(message, sendAnyway) {
      byId('send-error-message', HTMLElement).textContent = message;
      const anyway = byId('send-error-anyway', HTMLButtonElement);
      anyway.hidden = !sendAnyway;
      anyway.onclick = () => {
        errorDialog.close();
        sendAnyway?.();
      };
      errorDialog.showModal();
    },
  });

  const showSelection = (): void => {
    detachEditor();
    detachEditor = () => undefined;
    compose = null;
    const item = store.currentItem();
    if (!item) {
      reading.replaceChildren(el('p', { class: 'placeholder' }, 'Select an item to read it.'));
      return;
    }
    if (item.kind !== 'message-compose') return renderReading(context, reading, item);
    const view = renderCompose(context, reading, item);
    detachEditor = attachComposeEditor(store, item.id, view.body);
    view.send.addEventListener('click', () => void sendFlow.send(item.id));
    compose = view;
  };

  store.onUi((change: UiChange) => {
    if (change === 'list' || change === 'selection') renderList(context, inbox, sentList, busy);
    if (change === 'selection') showSelection();
    if (change === 'compose') compose?.refresh();
    if (change === 'theme') document.documentElement.dataset.theme = store.theme();
    if (change === 'language') {
      renderList(context, inbox, sentList, busy);
      showSelection();
      // Office reads the display language when the add-in starts: the pane starts again.
      pane.contentWindow?.location.reload();
    }
    keepUrlInStep();
  });

  themeSelect.value = store.theme();
  languageSelect.value = store.language();
  themeSelect.addEventListener('change', () => store.setTheme(themeSelect.value === 'dark' ? 'dark' : 'light'));
  languageSelect.addEventListener('change', () => store.setLanguage(languageSelect.value === 'fr-FR' ? 'fr-FR' : 'en-US'));
  byId('send-error-close', HTMLButtonElement).addEventListener('click', () => errorDialog.close());
  enableArrowKeys(inbox);
  enableArrowKeys(sentList);

  samples.then(
    (loaded) => {
      byId('mailbox-user', HTMLElement).textContent = `${loaded.mailbox.displayName} <${loaded.mailbox.emailAddress}>`;
      const requested = params.get('item') ?? DEFAULT_ITEM;
      store.load(loaded, requested === 'none' ? null : loaded.items.some((item) => item.id === requested) ? requested : DEFAULT_ITEM);
    },
    (error: unknown) => {
      reading.replaceChildren(el('p', { class: 'placeholder', role: 'alert' }, `The sample items could not be loaded (${error instanceof Error ? error.message : String(error)}). Is the add-in server running? Start everything with npm start.`));
    },
  );
}

// Fetch at once (the page is still parsing), draw when the DOM is there.
const samplesPromise = loadSamples();
samplesPromise.catch(() => undefined); // reported by start(), not as an unhandled rejection
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => start(samplesPromise), { once: true });
else start(samplesPromise);
