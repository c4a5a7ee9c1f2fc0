/**
 * Where `body.setSelectedDataAsync` inserts in the shell's draft: at the person's caret, remembered
 * while they click around the task pane (as Outlook on the web keeps it), or at the top of the body
 * when they never put one there (Office's documented fallback). The caret ends after the insertion.
 */
import type { InsertPosition } from './preview-host';
import type { PreviewStore } from './shell-store';

function fragmentOf(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  return document.importNode(template.content, true);
}

/** Makes `body` the store's compose editor for `itemId`; returns the detach function. */
export function attachComposeEditor(store: PreviewStore, itemId: string, body: HTMLElement): () => void {
  let caret: Range | null = null;
  const inBody = (range: Range): boolean => body.contains(range.startContainer) && body.contains(range.endContainer);
  const remember = (): void => {
    const selection = document.getSelection();
    if (selection && selection.rangeCount > 0 && inBody(selection.getRangeAt(0))) caret = selection.getRangeAt(0).cloneRange();
  };
  document.addEventListener('selectionchange', remember);

  const editor = {
    itemId,
    insert(html: string, position: InsertPosition): string {
      const fragment = fragmentOf(html);
      const last = fragment.lastChild;
      let range: Range;
      if (position === 'selection' && caret && inBody(caret)) {
        range = caret;
        range.deleteContents(); // a selection is replaced, as Office does
      } else {
        range = document.createRange();
        range.setStart(body, 0);
        range.collapse(true);
      }
      range.insertNode(fragment);
      if (last) {
        range.setStartAfter(last);
        range.collapse(true);
        caret = range.cloneRange();
        const selection = document.getSelection();
        if (document.activeElement === body && selection) {
          selection.removeAllRanges();
          selection.addRange(caret);
        }
      }
      return body.innerHTML;
    },
  };
  store.composeEditor = editor;
  return () => {
    document.removeEventListener('selectionchange', remember);
    if (store.composeEditor === editor) store.composeEditor = null;
  };
}
