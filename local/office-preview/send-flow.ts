/**
 * "Send" in the preview, the way Outlook runs an add-in's OnMessageSend event: load the add-in's
 * commands page in a hidden runtime (once), wait for it to associate its handler, call it with an
 * event while that runtime's `mailbox.item` is the draft, then send or show the add-in's reason.
 * Outlook gives a handler five minutes; the preview gives it thirty seconds. As with the manifest's
 * SoftBlock mode, a "no" from the add-in cannot be overridden, but an add-in that does not answer
 * (or fails) leaves the choice to send anyway.
 */
import { ON_SEND_ACTION, type SendEvent } from './preview-host';
import type { PreviewStore } from './shell-store';

export const SEND_TIMEOUT_MS = 30_000;
export const COMMANDS_URL = '/outlook/commands.html';

interface Verdict {
  allowEvent: boolean;
  errorMessage: string | undefined;
}

export interface SendUi {
  busy(on: boolean): void;
  status(text: string): void;
  /** Shows why the message was not sent; `sendAnyway` is offered when the add-in did not decide. */
  blocked(message: string, sendAnyway?: () => void): void;
}

function verdictOf(options: unknown): Verdict {
  if (typeof options !== 'object' || options === null) return { allowEvent: true, errorMessage: undefined };
  const allowEvent = 'allowEvent' in options ? options.allowEvent !== false : true;
  const errorMessage = 'errorMessage' in options && typeof options.errorMessage === 'string' ? options.errorMessage : undefined;
  return { allowEvent, errorMessage };
}

export class SendFlow {
  private runtime: HTMLIFrameElement | null = null;

  constructor(
    private readonly store: PreviewStore,
    private readonly ui: SendUi,
    private readonly timeoutMs = SEND_TIMEOUT_MS,
  ) {}

  async send(itemId: string): Promise<void> {
    this.ui.busy(true);
    this.ui.status('The Office CRM add-in is checking your message…');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), this.timeoutMs)));
    try {
      const verdict = await Promise.race([this.ask(), timeout]);
      if (verdict === 'timeout') {
        this.ui.status('');
        this.ui.blocked(`The Office CRM add-in did not finish checking this message within ${Math.round(this.timeoutMs / 1000)} seconds, so it was not sent.`, () => this.deliver(itemId));
      } else if (!verdict.allowEvent) {
        this.ui.status('');
        this.ui.blocked(verdict.errorMessage || 'The Office CRM add-in stopped this message from being sent.');
      } else {
        this.deliver(itemId);
      }
    } catch (error) {
      this.ui.status('');
      this.ui.blocked(`The Office CRM add-in failed while checking this message: ${error instanceof Error ? error.message : String(error)}`, () => this.deliver(itemId));
    } finally {
      clearTimeout(timer);
      this.ui.busy(false);
    }
  }

  private deliver(itemId: string): void {
    const sent = this.store.markSent(itemId);
    this.ui.status(`Sent: ${sent.subject || '(no subject)'}`);
  }

  /** The hidden frame the commands page runs in, like Outlook's event runtime; loaded once. */
  private commandsWindow(): Window {
    if (!this.runtime) {
      const frame = document.createElement('iframe');
      frame.src = COMMANDS_URL;
      frame.title = 'Office CRM add-in event runtime';
      frame.hidden = true;
      frame.dataset.testid = 'commands-runtime';
      document.body.append(frame);
      this.runtime = frame;
    }
    const win = this.runtime.contentWindow;
    if (!win) throw new Error('the event runtime could not start');
    return win;
  }

  private async ask(): Promise<Verdict> {
    const handler = await this.store.actionOf(this.commandsWindow(), ON_SEND_ACTION);
    return new Promise<Verdict>((resolve, reject) => {
      const event: SendEvent = { type: 'olkMessageSend', completed: (options) => resolve(verdictOf(options)) };
      try {
        handler(event);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }
}
