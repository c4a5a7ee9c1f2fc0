/**
 * What the local Office preview shows: the mailbox owner and the sample items of the message list.
 * Plain JSON (dates as ISO strings): the add-in server sends it as `/preview/samples.json` and the
 * browser shell reads it, so this file imports nothing from Node or the DOM.
 */

/** The shape of Office's `EmailAddressDetails` that the preview fills in. */
export interface PreviewAddress {
  displayName: string;
  emailAddress: string;
}

export type PreviewItemKind = 'message-read' | 'message-compose' | 'appointment-read';

export interface PreviewSample {
  /** Fixed, used by tests and by `?item=<id>`. */
  id: string;
  /** The text of the item in the message list. */
  label: string;
  kind: PreviewItemKind;
  subject: string;
  from?: PreviewAddress;
  to: PreviewAddress[];
  cc: PreviewAddress[];
  organizer?: PreviewAddress;
  requiredAttendees?: PreviewAddress[];
  optionalAttendees?: PreviewAddress[];
  /** ISO UTC. */
  start?: string;
  end?: string;
  location?: string;
  /** Plain text; the shell shows it as paragraphs and Office's HTML coercion gets it as `<p>`s. */
  body: string;
  internetMessageId?: string;
  /** Exchange item id (for the meeting, its iCalUId-like key). */
  itemId: string;
  conversationId?: string;
  /** ISO UTC. */
  dateTimeCreated: string;
  internetHeaders?: Record<string, string>;
}

export interface PreviewMailbox {
  displayName: string;
  emailAddress: string;
  /** IANA time zone, as Office's `userProfile.timeZone` reports it on the web. */
  timeZone: string;
}

export interface PreviewSamples {
  mailbox: PreviewMailbox;
  items: PreviewSample[];
}
