/// <reference types="office-js" />
/**
 * The selected Outlook item, read into one plain shape for the pane: a received or sent message,
 * a message being written, or a meeting. The only reader of `Office.context.mailbox.item`.
 */
import { fromAsync, supportsMailbox } from './office-async';

export type ParticipantRole = 'from' | 'to' | 'cc' | 'organizer' | 'attendee';

export interface Person {
  email: string;
  name?: string;
}

export interface MessageRead {
  kind: 'message-read';
  itemId: string;
  internetMessageId?: string;
  conversationId?: string;
  subject: string;
  from?: Person;
  to: Person[];
  cc: Person[];
  sentAt: string;
}

export interface MessageCompose {
  kind: 'message-compose';
  subject: string;
  to: Person[];
  cc: Person[];
}

export interface Appointment {
  kind: 'appointment';
  /**
   * The mailbox item id; empty while the organiser's new meeting is not saved yet (it gets one
   * when saved: `saveItem`). Each mailbox's copy has its own id: linking is per mailbox.
   */
  key: string;
  /** A new meeting Office can save to give it an id (false where Office cannot say: Mailbox < 1.8). */
  canSave?: boolean;
  subject: string;
  start: string;
  end: string;
  location?: string;
  organizer?: Person;
  attendees: Person[];
}

export type MailItem = MessageRead | MessageCompose | Appointment;

/** The header "track when sent" puts on a message, so the sent copy is recognised. */
export const TRACKING_HEADER = 'x-officecrm-track';
/** The custom property "track when sent" leaves on the draft; the sender's Sent Items copy keeps it. */
export const TRACKING_PROPERTY = 'officeCrmTrack';

function person(details: Office.EmailAddressDetails | undefined | null): Person | undefined {
  if (!details?.emailAddress) return undefined;
  const name = details.displayName && details.displayName !== details.emailAddress ? details.displayName : undefined;
  return { email: details.emailAddress.toLowerCase(), ...(name ? { name } : {}) };
}

function people(list: Office.EmailAddressDetails[] | undefined): Person[] {
  return (list ?? []).map(person).filter((p): p is Person => p !== undefined);
}

function iso(value: Date | string | undefined): string {
  const date = value instanceof Date ? value : value ? new Date(value) : new Date();
  return Number.isNaN(date.getTime()) ? new Date().toISOString() : date.toISOString();
}

type AnyItem = Office.MessageRead | Office.MessageCompose | Office.AppointmentRead | Office.AppointmentCompose;

function currentItem(): AnyItem | null {
  if (typeof Office === 'undefined' || !Office.context?.mailbox) return null;
  return (Office.context.mailbox.item as AnyItem | undefined) ?? null;
}

/** The message being written: its subject and recipients (also what the on-send handler reads). */
export async function readCompose(item: Office.MessageCompose): Promise<MessageCompose> {
  const [subject, to, cc] = await Promise.all([
    fromAsync<string>((cb) => item.subject.getAsync(cb)),
    fromAsync<Office.EmailAddressDetails[]>((cb) => item.to.getAsync(cb)),
    fromAsync<Office.EmailAddressDetails[]>((cb) => item.cc.getAsync(cb)),
  ]);
  return { kind: 'message-compose', subject, to: people(to), cc: people(cc) };
}

async function readAppointmentCompose(item: Office.AppointmentCompose): Promise<Appointment> {
  const [subject, start, end, location, required, optional, itemId] = await Promise.all([
    fromAsync<string>((cb) => item.subject.getAsync(cb)),
    fromAsync<Date>((cb) => item.start.getAsync(cb)),
    fromAsync<Date>((cb) => item.end.getAsync(cb)),
    fromAsync<string>((cb) => item.location.getAsync(cb)),
    fromAsync<Office.EmailAddressDetails[]>((cb) => item.requiredAttendees.getAsync(cb)),
    fromAsync<Office.EmailAddressDetails[]>((cb) => item.optionalAttendees.getAsync(cb)),
    // '' = not saved yet (Office answers ItemNotSaved); null = this Outlook cannot tell.
    supportsMailbox('1.8') ? fromAsync<string>((cb) => item.getItemIdAsync(cb)).catch(() => '') : Promise.resolve(null),
  ]);
  const mailbox = Office.context.mailbox.userProfile;
  return {
    kind: 'appointment',
    key: itemId ?? '',
    canSave: itemId === '',
    subject,
    start: iso(start),
    end: iso(end),
    ...(location ? { location } : {}),
    organizer: { email: mailbox.emailAddress.toLowerCase(), name: mailbox.displayName },
    attendees: [...people(required), ...people(optional)],
  };
}

/** Reads the selected item; null when nothing is selected (or outside Outlook). */
export async function readMailItem(): Promise<MailItem | null> {
  const item = currentItem();
  if (!item) return null;
  if (item.itemType === Office.MailboxEnums.ItemType.Message) {
    if (typeof (item as Office.MessageRead).subject === 'string') {
      const read = item as Office.MessageRead;
      return {
        kind: 'message-read',
        itemId: read.itemId,
        ...(read.internetMessageId ? { internetMessageId: read.internetMessageId } : {}),
        ...(read.conversationId ? { conversationId: read.conversationId } : {}),
        subject: read.subject,
        ...(person(read.from) ? { from: person(read.from) } : {}),
        to: people(read.to),
        cc: people(read.cc),
        sentAt: iso(read.dateTimeCreated),
      };
    }
    return readCompose(item as Office.MessageCompose);
  }
  if (typeof (item as Office.AppointmentRead).subject === 'string') {
    const read = item as Office.AppointmentRead;
    return {
      kind: 'appointment',
      key: read.itemId,
      subject: read.subject,
      start: iso(read.start),
      end: iso(read.end),
      ...(read.location ? { location: read.location } : {}),
      ...(person(read.organizer) ? { organizer: person(read.organizer) } : {}),
      attendees: [...people(read.requiredAttendees), ...people(read.optionalAttendees)],
    };
  }
  return readAppointmentCompose(item as Office.AppointmentCompose);
}

/** Saves the item being composed (a new meeting) and answers its id, so it can be linked. */
export async function saveItem(): Promise<string> {
  const item = currentItem() as Office.AppointmentCompose | Office.MessageCompose | null;
  if (!item || typeof item.saveAsync !== 'function') throw new Error('This item cannot be saved from the add-in.');
  return fromAsync<string>((cb) => item.saveAsync(cb));
}

/** The pinned pane follows the selection: `listener` runs each time the user selects another item. */
export function onItemChanged(listener: () => void): () => void {
  if (typeof Office === 'undefined' || !Office.context?.mailbox) return () => undefined;
  Office.context.mailbox.addHandlerAsync(Office.EventType.ItemChanged, () => listener(), () => undefined);
  return () => Office.context.mailbox.removeHandlerAsync(Office.EventType.ItemChanged, () => undefined);
}

/** The signed-in mailbox, so the pane leaves the user out of "participants". */
export function mailboxOwner(): Person | null {
  if (typeof Office === 'undefined' || !Office.context?.mailbox?.userProfile) return null;
  const profile = Office.context.mailbox.userProfile;
  return { email: profile.emailAddress.toLowerCase(), name: profile.displayName };
}

/** Plain text of the body, cut to `max` characters: what a tracked e-mail keeps. */
export async function readBodyText(max: number): Promise<string> {
  const item = currentItem();
  if (!item) return '';
  const text = await fromAsync<string>((cb) => (item.body as Office.Body).getAsync(Office.CoercionType.Text, cb));
  return text.replace(/\s+/g, ' ').trim().slice(0, max);
}

/**
 * The tracking id a "track when sent" left on the message: in its internet headers (the copy
 * recipients get) or in its custom property (the sender's Sent Items copy, which may carry no
 * transport headers).
 */
export async function readTrackingHeader(): Promise<string | undefined> {
  const item = currentItem() as Office.MessageRead | null;
  if (!item) return undefined;
  if (typeof item.getAllInternetHeadersAsync === 'function' && supportsMailbox('1.8')) {
    const headers = await fromAsync<string>((cb) => item.getAllInternetHeadersAsync(cb)).catch(() => '');
    const line = headers.split(/\r?\n/).find((row) => row.toLowerCase().startsWith(`${TRACKING_HEADER}:`));
    const value = line?.slice(TRACKING_HEADER.length + 1).trim();
    if (value) return value;
  }
  if (typeof item.loadCustomPropertiesAsync !== 'function') return undefined;
  const props = await fromAsync<Office.CustomProperties>((cb) => item.loadCustomPropertiesAsync(cb)).catch(() => null);
  const raw: unknown = props?.get(TRACKING_PROPERTY);
  if (typeof raw !== 'string') return undefined;
  const match = /"trackingId"\s*:\s*"([0-9a-f-]{36})"/i.exec(raw);
  return match?.[1];
}
