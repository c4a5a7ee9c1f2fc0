/// <reference types="office-js" />
import { fromAsync, OfficeError } from './office-async';

/** Office's error when the user closes the dialog window. */
const DIALOG_CLOSED = 12006;

/**
 * Opens `url` (same origin as the pane) in an Office dialog and resolves with the first message the
 * page sends with `Office.context.ui.messageParent`. Must be called from a user's click.
 */
export async function openDialogForMessage(url: string, size = { height: 60, width: 30 }): Promise<string> {
  const dialog = await fromAsync<Office.Dialog>((callback) => Office.context.ui.displayDialogAsync(url, { ...size, promptBeforeOpen: false }, callback));
  return new Promise<string>((resolve, reject) => {
    dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
      if ('message' in arg) {
        dialog.close();
        resolve(arg.message);
      }
    });
    dialog.addEventHandler(Office.EventType.DialogEventReceived, (arg) => {
      const code = 'error' in arg ? arg.error : 'closed';
      reject(new OfficeError(code, code === DIALOG_CLOSED ? 'The sign-in window was closed.' : `The sign-in window failed (${code}).`));
    });
  });
}

/** Called by the page inside the dialog. */
export function sendToParent(message: string): void {
  Office.context.ui.messageParent(message);
}
