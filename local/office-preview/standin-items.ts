/**
 * `Office.context.mailbox.item` in the stand-in, for the three forms the preview has: a received
 * message, a message being written, a meeting seen by an attendee. Read forms hold their values as
 * properties, as Office does; compose forms read and write the shell's state through the host, so
 * the pane, the on-send runtime and the person at the keyboard all see one message.
 */
import { type AsyncArgs, asyncArgs, asCallback, OfficeErrors, ownCopy, run, StandinFailure, succeed } from './standin-async';
import type { BodyCoercion, OfficePreviewHost, RecipientField } from './preview-host';
import type { PreviewAddress, PreviewMailbox, PreviewSample } from './preview-types';

export type StandinItem = Record<string, unknown>;

interface EmailAddressDetails {
  displayName: string;
  emailAddress: string;
  recipientType: 'user' | 'externalUser';
}

function coercionOf(value: unknown): BodyCoercion {
  if (value === 'html' || value === 'text') return value;
  throw new StandinFailure(OfficeErrors.invalidParameter);
}

/** Body writes default to text, as in Office, when no `coercionType` is given. */
function writeCoercion(args: AsyncArgs): BodyCoercion {
  return args.options.coercionType === undefined ? 'text' : coercionOf(args.options.coercionType);
}

function textOf(value: unknown): string {
  if (typeof value !== 'string') throw new StandinFailure(OfficeErrors.invalidParameter);
  return value;
}

function recipientsOf(value: unknown): PreviewAddress[] {
  if (!Array.isArray(value)) throw new StandinFailure(OfficeErrors.invalidParameter);
  const list: unknown[] = value;
  return list.map((entry) => {
    if (typeof entry === 'string' && entry.includes('@')) return { displayName: entry, emailAddress: entry };
    if (typeof entry === 'object' && entry !== null && 'emailAddress' in entry && typeof entry.emailAddress === 'string' && entry.emailAddress.includes('@')) {
      const name = 'displayName' in entry && typeof entry.displayName === 'string' && entry.displayName !== '' ? entry.displayName : entry.emailAddress;
      return { displayName: name, emailAddress: entry.emailAddress };
    }
    throw new StandinFailure(OfficeErrors.invalidParameter);
  });
}

function namesOf(value: unknown): string[] {
  if (!Array.isArray(value)) throw new StandinFailure(OfficeErrors.invalidParameter);
  const list: unknown[] = value;
  return list.map(textOf);
}

function headersOf(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new StandinFailure(OfficeErrors.invalidParameter);
  return Object.fromEntries(Object.entries(value).map(([name, text]) => [name, textOf(text)]));
}

function detailsMaker(mailbox: PreviewMailbox): (address: PreviewAddress) => EmailAddressDetails {
  const ownDomain = mailbox.emailAddress.split('@')[1]?.toLowerCase();
  return (address) => ({
    displayName: address.displayName,
    emailAddress: address.emailAddress,
    recipientType: address.emailAddress.split('@')[1]?.toLowerCase() === ownDomain ? 'user' : 'externalUser',
  });
}

/** `loadCustomPropertiesAsync(callback, userContext?)`: a working copy, written back by `saveAsync`. */
function customPropertiesLoader(host: OfficePreviewHost, id: string): (callback: unknown, userContext?: unknown) => void {
  return (callback, userContext) => {
    const args: AsyncArgs = { options: { asyncContext: userContext }, callback: asCallback(callback) };
    run(args, () => {
      const values = new Map(Object.entries(ownCopy(host.getCustomProperties(id))));
      return {
        get: (name: string): unknown => values.get(name),
        set: (name: string, value: unknown): void => void values.set(name, value),
        remove: (name: string): void => void values.delete(name),
        getAll: (): Record<string, unknown> => Object.fromEntries(values),
        saveAsync: (first?: unknown, asyncContext?: unknown): void => {
          const saveArgs: AsyncArgs = typeof first === 'function' ? { options: { asyncContext }, callback: asCallback(first) } : { options: { asyncContext: first }, callback: undefined };
          run(saveArgs, () => host.saveCustomProperties(id, Object.fromEntries(values)));
        },
      };
    });
  };
}

function readBody(host: OfficePreviewHost, id: string): StandinItem {
  return {
    getAsync: (coercionType: unknown, ...rest: unknown[]): void => {
      const args = asyncArgs(...rest);
      run(args, () => host.getBody(id, coercionOf(coercionType)));
    },
  };
}

/** A received (or sent) message in the reading pane. */
export function messageReadItem(host: OfficePreviewHost, sample: PreviewSample, mailbox: PreviewMailbox): StandinItem {
  const details = detailsMaker(mailbox);
  const from = sample.from ? details(sample.from) : undefined;
  return {
    itemType: 'message',
    itemClass: 'IPM.Note',
    itemId: sample.itemId,
    internetMessageId: sample.internetMessageId,
    conversationId: sample.conversationId,
    subject: sample.subject,
    normalizedSubject: sample.subject.replace(/^((re|fw|fwd|tr|aw)\s*:\s*)+/i, ''),
    from,
    sender: from,
    to: sample.to.map(details),
    cc: sample.cc.map(details),
    dateTimeCreated: new Date(sample.dateTimeCreated),
    dateTimeModified: new Date(sample.dateTimeCreated),
    attachments: [],
    body: readBody(host, sample.id),
    getAllInternetHeadersAsync: (...rest: unknown[]): void => {
      const args = asyncArgs(...rest);
      run(args, () => rawHeaders(sample, host.getInternetHeaders(sample.id)));
    },
    loadCustomPropertiesAsync: customPropertiesLoader(host, sample.id),
  };
}

/** The header block of a received message, as `getAllInternetHeadersAsync` returns it. */
function rawHeaders(sample: PreviewSample, extra: Record<string, string>): string {
  const mailbox = (list: PreviewAddress[]) => list.map((address) => `${address.displayName} <${address.emailAddress}>`).join(', ');
  const lines: Array<[string, string | undefined]> = [
    ['From', sample.from ? mailbox([sample.from]) : undefined],
    ['To', sample.to.length ? mailbox(sample.to) : undefined],
    ['CC', sample.cc.length ? mailbox(sample.cc) : undefined],
    ['Subject', sample.subject],
    ['Date', new Date(sample.dateTimeCreated).toUTCString().replace('GMT', '+0000')],
    ['Message-ID', sample.internetMessageId],
    ['Content-Type', 'text/html; charset="utf-8"'],
    ['MIME-Version', '1.0'],
    ...Object.entries(extra),
  ];
  return lines.flatMap(([name, value]) => (value === undefined ? [] : [`${name}: ${value}\r\n`])).join('');
}

function recipients(host: OfficePreviewHost, id: string, field: RecipientField, details: (address: PreviewAddress) => EmailAddressDetails): StandinItem {
  return {
    getAsync: (...rest: unknown[]): void => run(asyncArgs(...rest), () => host.getRecipients(id, field).map(details)),
    setAsync: (list: unknown, ...rest: unknown[]): void => run(asyncArgs(...rest), () => host.setRecipients(id, field, recipientsOf(list))),
    addAsync: (list: unknown, ...rest: unknown[]): void =>
      run(asyncArgs(...rest), () => host.setRecipients(id, field, [...host.getRecipients(id, field), ...recipientsOf(list)])),
  };
}

function composeBody(host: OfficePreviewHost, id: string): StandinItem {
  return {
    ...readBody(host, id),
    getTypeAsync: (...rest: unknown[]): void => succeed(asyncArgs(...rest), 'html'),
    setAsync: (data: unknown, ...rest: unknown[]): void => {
      const args = asyncArgs(...rest);
      run(args, () => host.setBody(id, textOf(data), writeCoercion(args)));
    },
    setSelectedDataAsync: (data: unknown, ...rest: unknown[]): void => {
      const args = asyncArgs(...rest);
      run(args, () => host.insertBody(id, textOf(data), writeCoercion(args), 'selection'));
    },
    prependAsync: (data: unknown, ...rest: unknown[]): void => {
      const args = asyncArgs(...rest);
      run(args, () => host.insertBody(id, textOf(data), writeCoercion(args), 'start'));
    },
  };
}

/** A message being written (new, reply or forward). */
export function messageComposeItem(host: OfficePreviewHost, sample: PreviewSample, mailbox: PreviewMailbox): StandinItem {
  const id = sample.id;
  const details = detailsMaker(mailbox);
  return {
    itemType: 'message',
    conversationId: sample.conversationId ?? null,
    subject: {
      getAsync: (...rest: unknown[]): void => run(asyncArgs(...rest), () => host.getSubject(id)),
      setAsync: (subject: unknown, ...rest: unknown[]): void => run(asyncArgs(...rest), () => host.setSubject(id, textOf(subject))),
    },
    from: { getAsync: (...rest: unknown[]): void => succeed(asyncArgs(...rest), details(mailbox)) },
    to: recipients(host, id, 'to', details),
    cc: recipients(host, id, 'cc', details),
    bcc: recipients(host, id, 'bcc', details),
    body: composeBody(host, id),
    internetHeaders: {
      getAsync: (names: unknown, ...rest: unknown[]): void =>
        run(asyncArgs(...rest), () => {
          const wanted = new Set(namesOf(names).map((name) => name.toLowerCase()));
          return Object.fromEntries(Object.entries(host.getInternetHeaders(id)).filter(([name]) => wanted.has(name.toLowerCase())));
        }),
      setAsync: (headers: unknown, ...rest: unknown[]): void => run(asyncArgs(...rest), () => host.setInternetHeaders(id, headersOf(headers))),
      removeAsync: (names: unknown, ...rest: unknown[]): void => run(asyncArgs(...rest), () => host.removeInternetHeaders(id, namesOf(names))),
    },
    loadCustomPropertiesAsync: customPropertiesLoader(host, id),
    saveAsync: (...rest: unknown[]): void => run(asyncArgs(...rest), () => host.saveItem(id)),
    getItemIdAsync: (...rest: unknown[]): void =>
      run(asyncArgs(...rest), () => {
        if (!host.isSaved(id)) throw new StandinFailure(OfficeErrors.itemNotSaved);
        return host.saveItem(id);
      }),
  };
}

/** A meeting in the attendee's calendar (read form). */
export function appointmentReadItem(host: OfficePreviewHost, sample: PreviewSample, mailbox: PreviewMailbox): StandinItem {
  const details = detailsMaker(mailbox);
  return {
    itemType: 'appointment',
    itemClass: 'IPM.Appointment',
    itemId: sample.itemId,
    subject: sample.subject,
    normalizedSubject: sample.subject,
    start: new Date(sample.start ?? sample.dateTimeCreated),
    end: new Date(sample.end ?? sample.start ?? sample.dateTimeCreated),
    location: sample.location ?? '',
    organizer: sample.organizer ? details(sample.organizer) : undefined,
    requiredAttendees: (sample.requiredAttendees ?? []).map(details),
    optionalAttendees: (sample.optionalAttendees ?? []).map(details),
    dateTimeCreated: new Date(sample.dateTimeCreated),
    dateTimeModified: new Date(sample.dateTimeCreated),
    attachments: [],
    body: readBody(host, sample.id),
    getItemIdAsync: (...rest: unknown[]): void => succeed(asyncArgs(...rest), sample.itemId),
    loadCustomPropertiesAsync: customPropertiesLoader(host, sample.id),
  };
}

/** The item object for the host's current selection (copied into this window), or null. */
export function itemFor(host: OfficePreviewHost): StandinItem | null {
  const sample = ownCopy(host.currentItem());
  if (!sample) return null;
  const mailbox = ownCopy(host.mailbox());
  if (sample.kind === 'message-compose') return messageComposeItem(host, sample, mailbox);
  if (sample.kind === 'appointment-read') return appointmentReadItem(host, sample, mailbox);
  return messageReadItem(host, sample, mailbox);
}
