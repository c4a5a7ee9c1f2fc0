/**
 * The contract between the preview shell (which plays Outlook) and the Office.js stand-in running
 * in the add-in's frames. The shell publishes one `OfficePreviewHost` on its window; the stand-in
 * in the pane iframe, the hidden commands iframe and dialog popups finds it through `window.parent`
 * or the dialog's opener (all same origin).
 *
 * Values cross between windows: the host hands out plain JSON-able data and the stand-in copies it
 * into its own window (a Date or Array made by another window fails `instanceof` checks there).
 */
import type { PreviewAddress, PreviewMailbox, PreviewSample } from './preview-types';

export const PREVIEW_HOST_KEY = 'officePreviewHost';
/** The function name the manifest's OnMessageSend launch event names; the shell calls it on "Send". */
export const ON_SEND_ACTION = 'onMessageSendHandler';
/** Popups opened by `displayDialogAsync` carry this window name prefix, so their stand-in knows it is a dialog. */
export const DIALOG_WINDOW_PREFIX = 'office-standin-dialog';
export const DIALOG_MESSAGE_TYPE = 'office-standin:dialog-message';

export type PreviewTheme = 'light' | 'dark';
export type PreviewLanguage = 'en-US' | 'fr-FR';
export type PreviewHostEvent = 'itemChanged' | 'themeChanged';
export type BodyCoercion = 'html' | 'text';
export type RecipientField = 'to' | 'cc' | 'bcc';
/** Where inserted body content goes: the user's caret (or the top when there is none), or the top. */
export type InsertPosition = 'selection' | 'start';

/** What Outlook hands an on-send handler; `completed` ends the event. */
export interface SendEvent {
  type: 'olkMessageSend';
  completed(options?: { allowEvent?: boolean; errorMessage?: string }): void;
}

export interface OfficePreviewHost {
  /** Resolves once the samples are loaded and an item is selected. */
  whenReady(): Promise<void>;
  mailbox(): PreviewMailbox;
  theme(): PreviewTheme;
  language(): PreviewLanguage;
  /** The selected item, null when nothing is selected. */
  currentItem(): PreviewSample | null;
  /** Listeners run after the change is applied; returns the unsubscribe function. */
  subscribe(event: PreviewHostEvent, listener: () => void): () => void;

  // The state of an item, by its preview id. Throws when the item no longer exists (sent).
  getBody(id: string, coercion: BodyCoercion): string;
  setBody(id: string, data: string, coercion: BodyCoercion): void;
  insertBody(id: string, data: string, coercion: BodyCoercion, position: InsertPosition): void;
  getSubject(id: string): string;
  setSubject(id: string, subject: string): void;
  getRecipients(id: string, field: RecipientField): PreviewAddress[];
  setRecipients(id: string, field: RecipientField, recipients: PreviewAddress[]): void;
  getInternetHeaders(id: string): Record<string, string>;
  setInternetHeaders(id: string, headers: Record<string, string>): void;
  removeInternetHeaders(id: string, names: string[]): void;
  getCustomProperties(id: string): Record<string, unknown>;
  saveCustomProperties(id: string, values: Record<string, unknown>): void;
  /** Saves a draft; returns its item id (compose items have none before their first save). */
  saveItem(id: string): string;
  isSaved(id: string): boolean;

  /** `Office.actions.associate` in a frame of the shell: `runtime` is that frame's window. */
  associateAction(runtime: Window, name: string, handler: (event: SendEvent) => void): void;
}

declare global {
  interface Window {
    officePreviewHost?: OfficePreviewHost;
  }
}

function hostOf(candidate: Window | null | undefined): OfficePreviewHost | undefined {
  try {
    const host = candidate?.officePreviewHost;
    return host && typeof host.currentItem === 'function' ? host : undefined;
  } catch {
    return undefined; // another origin: reading its properties throws
  }
}

/** The shell's host as seen from a frame of it, or from a dialog popup opened by such a frame. */
export function findPreviewHost(win: Window): OfficePreviewHost | undefined {
  if (win.parent !== win) {
    const host = hostOf(win.parent);
    if (host) return host;
  }
  try {
    // lib.dom types `opener` as any; it is a window or null.
    const opener: Window | null = win.opener;
    if (opener) return hostOf(opener.parent) ?? hostOf(opener);
  } catch {
    // The opener is of another origin.
  }
  return undefined;
}

export function isDialogWindow(win: Window): boolean {
  return win.name.startsWith(DIALOG_WINDOW_PREFIX) && win.opener !== null;
}
