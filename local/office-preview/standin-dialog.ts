/**
 * `Office.context.ui` in the stand-in: dialogs are popup windows of the same origin. The page in
 * the popup (which loads the stand-in too, thanks to the preview cookie) answers with
 * `messageParent`, a `postMessage` to its opener checked on both ends for the origin.
 *
 * Browsers only allow popups inside a user's gesture: call `displayDialogAsync` directly in the
 * click handler (before any `await`), as Outlook on the web also asks.
 */
import { type AsyncArgs, asHandler, asyncArgs, fail, OfficeErrors, succeed } from './standin-async';
import { DIALOG_MESSAGE_TYPE, DIALOG_WINDOW_PREFIX } from './preview-host';

const MESSAGE_RECEIVED = 'dialogMessageReceived';
const EVENT_RECEIVED = 'dialogEventReceived';
const CLOSED_POLL_MS = 250;

type DialogHandler = (arg: { message: string; origin: string | undefined } | { error: number }) => void;

interface DialogMessage {
  type: typeof DIALOG_MESSAGE_TYPE;
  message: string;
}

function isDialogMessage(data: unknown): data is DialogMessage {
  return typeof data === 'object' && data !== null && 'type' in data && data.type === DIALOG_MESSAGE_TYPE && 'message' in data && typeof data.message === 'string';
}

/** The `Dialog` object handed to the add-in: events from the popup, and `close()`. */
class StandinDialog {
  private readonly handlers = new Map<string, DialogHandler[]>();
  private closedByAddIn = false;
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly onMessage = (event: MessageEvent): void => {
    const data: unknown = event.data;
    if (event.source !== this.popup || event.origin !== this.win.location.origin || !isDialogMessage(data)) return;
    this.emit(MESSAGE_RECEIVED, { message: data.message, origin: event.origin });
  };

  constructor(
    private readonly win: Window,
    private readonly popup: Window,
    private readonly onEnd: () => void,
  ) {
    win.addEventListener('message', this.onMessage);
    this.timer = setInterval(() => {
      if (!popup.closed) return;
      this.stop();
      // Closed by the person, not by the add-in: Office reports it as error 12006.
      if (!this.closedByAddIn) this.emit(EVENT_RECEIVED, { error: OfficeErrors.dialogUserClosed.code });
    }, CLOSED_POLL_MS);
  }

  addEventHandler(eventType: string, handler: unknown): void {
    const call = asHandler(handler);
    if (!call) return;
    const list = this.handlers.get(eventType) ?? [];
    list.push(call);
    this.handlers.set(eventType, list);
  }

  close(): void {
    this.closedByAddIn = true;
    this.stop();
    this.popup.close();
  }

  private emit(eventType: string, arg: Parameters<DialogHandler>[0]): void {
    for (const handler of this.handlers.get(eventType) ?? []) handler(arg);
  }

  private stop(): void {
    clearInterval(this.timer);
    this.win.removeEventListener('message', this.onMessage);
    this.onEnd();
  }
}

/** Office sizes dialogs in percent of the screen. */
function percentOf(value: unknown, total: number, fallback: number): number {
  const percent = typeof value === 'number' && value > 0 && value <= 100 ? value : fallback;
  return Math.round((total * percent) / 100);
}

function openPopup(win: Window, url: URL, args: AsyncArgs): Window | null {
  const width = percentOf(args.options.width, win.screen.availWidth, 50);
  const height = percentOf(args.options.height, win.screen.availHeight, 60);
  const left = Math.round((win.screen.availWidth - width) / 2);
  const top = Math.round((win.screen.availHeight - height) / 2);
  // The name marks the popup as a dialog for its own stand-in (it survives the popup's navigations).
  return win.open(url.href, `${DIALOG_WINDOW_PREFIX}-${Date.now()}`, `popup,width=${width},height=${height},left=${left},top=${top}`);
}

export interface StandinUi {
  displayDialogAsync(startAddress: unknown, ...rest: unknown[]): void;
  messageParent(message: unknown, messageOptions?: unknown): void;
  closeContainer(): void;
  openBrowserWindow(url: unknown): void;
}

export function createUi(win: Window): StandinUi {
  let open: StandinDialog | undefined;
  return {
    displayDialogAsync(startAddress, ...rest) {
      const args = asyncArgs(...rest);
      let url: URL;
      try {
        url = new URL(String(startAddress), win.location.href);
      } catch {
        fail(args, OfficeErrors.invalidParameter);
        return;
      }
      if (url.protocol !== 'https:') return fail(args, OfficeErrors.dialogNotHttps);
      if (open) return fail(args, OfficeErrors.dialogAlreadyOpen);
      const popup = openPopup(win, url, args);
      if (!popup) return fail(args, OfficeErrors.dialogBlocked);
      const dialog = new StandinDialog(win, popup, () => {
        if (open === dialog) open = undefined;
      });
      open = dialog;
      succeed(args, dialog);
    },
    messageParent(message, messageOptions) {
      // lib.dom types `opener` as any; it is a window or null.
      const opener: Window | null = win.opener;
      if (!opener) {
        console.warn('Office stand-in: messageParent() called in a window that no add-in opened as a dialog.');
        return;
      }
      const options: unknown = messageOptions;
      const targetOrigin = typeof options === 'object' && options !== null && 'targetOrigin' in options && typeof options.targetOrigin === 'string' ? options.targetOrigin : win.location.origin;
      opener.postMessage({ type: DIALOG_MESSAGE_TYPE, message: String(message) }, targetOrigin);
    },
    closeContainer() {
      console.warn('Office stand-in: closeContainer() does nothing for an Outlook task pane.');
    },
    openBrowserWindow(url) {
      win.open(String(url), '_blank', 'noopener');
    },
  };
}
