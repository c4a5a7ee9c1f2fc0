/**
 * One item of the preview mailbox as the shell keeps it, and what becomes of a draft once sent.
 */
import { htmlToText, textToHtml } from './body-html';
import type { PreviewAddress, PreviewMailbox, PreviewSample } from './preview-types';

export interface ItemState {
  sample: PreviewSample;
  bcc: PreviewAddress[];
  bodyHtml: string;
  /** The original text of a sample; sent items derive theirs from the HTML. */
  bodyText: string | undefined;
  headers: Record<string, string>;
  customProperties: Record<string, unknown>;
  saved: boolean;
}

export function stateOf(sample: PreviewSample): ItemState {
  return {
    sample: structuredClone(sample),
    bcc: [],
    bodyHtml: textToHtml(sample.body),
    bodyText: sample.body,
    headers: { ...sample.internetHeaders },
    customProperties: {},
    saved: sample.kind !== 'message-compose',
  };
}

/**
 * The draft as a received copy in "Sent": from the mailbox owner, with a new Internet message id,
 * the body as written (templates included), and the headers and custom properties the add-in set.
 */
export function sentItemOf(draft: ItemState, mailbox: PreviewMailbox, number: number, now: Date): ItemState {
  const domain = mailbox.emailAddress.split('@')[1] ?? 'contoso.example';
  const nonce = Math.random().toString(36).slice(2, 10);
  const subject = draft.sample.subject;
  const sample: PreviewSample = {
    ...structuredClone(draft.sample),
    id: `sent-${number}`,
    label: `To ${draft.sample.to[0]?.displayName ?? '(no recipient)'}: ${subject || '(no subject)'}`,
    kind: 'message-read',
    from: { displayName: mailbox.displayName, emailAddress: mailbox.emailAddress },
    body: htmlToText(draft.bodyHtml),
    internetMessageId: `<preview-sent-${number}-${nonce}@${domain}>`,
    itemId: `AAMkAGPreviewSent${String(number).padStart(4, '0')}${nonce}=`,
    conversationId: draft.sample.conversationId ?? `AAQkAGPreviewSentConversation${nonce}=`,
    dateTimeCreated: now.toISOString(),
    internetHeaders: { ...draft.headers },
  };
  return { ...stateOf(sample), bodyHtml: draft.bodyHtml, bodyText: undefined, customProperties: structuredClone(draft.customProperties) };
}
