/**
 * E-mails tracked from Outlook: a message put on the timelines of the contacts, account and
 * opportunity it concerns, once. A message is known by two ids: the `trackingId` the compose
 * pane stamps on it when the user asks to track it when sent, and the `internetMessageId` every
 * reader of the message sees. Each id is a key that points at the one tracking, so the message is
 * found by either, and a tracking made with one id learns the other when a client sends both.
 */
import type { HistoryEntry, RecordRef } from './history';
import type { RecordBase, Versioned } from './record';

/** How much of the body the CRM keeps: enough to recognise the message, not its content. */
export const MAX_STORED_EXCERPT = 1000;

export interface MailParty {
  email: string;
  name?: string;
}

export interface TrackedEmailRecord extends RecordBase {
  internetMessageId?: string;
  trackingId?: string;
  conversationId?: string;
  subject: string;
  from: MailParty;
  to: MailParty[];
  cc: MailParty[];
  sentAt: string;
  excerpt: string;
  regarding: RecordRef[];
  /** Who tracked it. Tracked e-mails are shared for reading (SHARING.email), so nobody tracks one twice. */
  ownerId: string;
  /** The timeline entry written for it (deterministic, see trackedEmailHistoryId). */
  historyEntryId: string;
}

export type MessageKeyKind = 'message-id' | 'tracking-id';

export interface MessageKey {
  kind: MessageKeyKind;
  value: string;
}

export interface MessageIds {
  internetMessageId?: string;
  trackingId?: string;
}

/**
 * Outlook, Graph and mail headers spell the same Message-ID with and without its angle brackets;
 * it is kept in the header's form, `<id@host>`, with its case (the part before the @ is case-sensitive).
 */
export function normalizeInternetMessageId(id: string): string {
  const bare = id.trim().replace(/^<(.*)>$/, '$1').trim();
  return bare ? `<${bare}>` : '';
}

/** The keys a message is known by, tracking id first: the compose pane's id is the one a message starts with. */
export function messageKeys(ids: MessageIds): MessageKey[] {
  const keys: MessageKey[] = [];
  const trackingId = ids.trackingId?.trim().toLowerCase();
  const messageId = ids.internetMessageId === undefined ? '' : normalizeInternetMessageId(ids.internetMessageId);
  if (trackingId) keys.push({ kind: 'tracking-id', value: trackingId });
  if (messageId) keys.push({ kind: 'message-id', value: messageId });
  return keys;
}

/** One text per key, what deterministic ids and key documents are derived from. */
export function messageKeyText(key: MessageKey): string {
  return `${key.kind}:${key.value}`;
}

/**
 * The key a new tracking's id derives from. Two clients tracking the same message with the same
 * ids at once derive the same id, so one of them finds the other's record instead of writing a second.
 */
export function primaryMessageKey(keys: readonly MessageKey[]): MessageKey | undefined {
  return keys[0];
}

/** The ids a request names that the tracking does not hold yet, normalised as stored. */
export function missingMessageIds(record: MessageIds, ids: MessageIds): MessageIds {
  const missing: MessageIds = {};
  for (const key of messageKeys(ids)) {
    if (key.kind === 'tracking-id' && !record.trackingId) missing.trackingId = key.value;
    if (key.kind === 'message-id' && !record.internetMessageId) missing.internetMessageId = key.value;
  }
  return missing;
}

/** Whitespace collapsed (bodies arrive with line breaks and indentation), cut at MAX_STORED_EXCERPT characters. */
export function trackedEmailExcerpt(body: string): string {
  const text = body.replace(/\s+/g, ' ').trim();
  return text.length <= MAX_STORED_EXCERPT ? text : `${text.slice(0, MAX_STORED_EXCERPT - 1)}…`;
}

export function trackedEmailHistoryId(trackedEmailId: string): string {
  return `email-${trackedEmailId}`;
}

/** The timeline entry of a tracked e-mail, built from the record alone so a retry writes the same one. */
export function trackedEmailHistoryEntry(record: TrackedEmailRecord): HistoryEntry {
  const details: NonNullable<HistoryEntry['details']> = { from: record.from.email };
  if (record.from.name) details.fromName = record.from.name;
  if (record.internetMessageId) details.internetMessageId = record.internetMessageId;
  return {
    id: record.historyEntryId,
    tenantId: record.tenantId,
    kind: 'email',
    occurredAt: record.sentAt,
    actorId: record.createdBy,
    title: record.subject || '(no subject)',
    ...(record.excerpt ? { summary: record.excerpt } : {}),
    regarding: record.regarding,
    source: { entity: 'email', id: record.id },
    details,
  };
}

/**
 * Tracked e-mails and the keys that find them. A key document points at the tracking; it is
 * claimed before the tracking is written, so two trackings of one message cannot both succeed.
 */
export interface TrackedEmailRepository {
  get(tenantId: string, id: string): Promise<Versioned<TrackedEmailRecord> | null>;
  /** CONFLICT when the id exists. */
  create(record: TrackedEmailRecord): Promise<Versioned<TrackedEmailRecord>>;
  /** PRECONDITION_FAILED when `etag` is not the stored version. */
  replace(record: TrackedEmailRecord, etag: string): Promise<Versioned<TrackedEmailRecord>>;
  /** The id of the tracking the key points at, or null. */
  idForKey(tenantId: string, key: MessageKey): Promise<string | null>;
  /** Points the key at the tracking unless it already points elsewhere; answers the id it points at now. */
  claimKey(tenantId: string, key: MessageKey, trackedEmailId: string): Promise<string>;
  /** Removes the key if it still points at this tracking. */
  releaseKey(tenantId: string, key: MessageKey, trackedEmailId: string): Promise<void>;
}
