/** A tracked e-mail is found by either of its ids, keeps a short excerpt and writes one timeline entry. */
import {
  MAX_STORED_EXCERPT,
  messageKeys,
  messageKeyText,
  missingMessageIds,
  normalizeInternetMessageId,
  primaryMessageKey,
  trackedEmailExcerpt,
  trackedEmailHistoryEntry,
  trackedEmailHistoryId,
  type TrackedEmailRecord,
} from '../../shared/domain/tracked-email';

const TRACKING_ID = '6F1C2B9A-3D4E-4F60-8A7B-9C0D1E2F3A4B';

describe('message keys', () => {
  it('reads a Message-ID the same with or without its angle brackets, keeping its case', () => {
    expect(normalizeInternetMessageId('<AbC.123@mail.example>')).toBe('<AbC.123@mail.example>');
    expect(normalizeInternetMessageId('  AbC.123@mail.example ')).toBe('<AbC.123@mail.example>');
    expect(normalizeInternetMessageId('<>')).toBe('');
  });

  it('knows a message by its tracking id first, then its Message-ID', () => {
    const keys = messageKeys({ internetMessageId: 'x@host', trackingId: TRACKING_ID });
    expect(keys).toEqual([
      { kind: 'tracking-id', value: TRACKING_ID.toLowerCase() },
      { kind: 'message-id', value: '<x@host>' },
    ]);
    expect(primaryMessageKey(keys)).toEqual(keys[0]);
    expect(primaryMessageKey(messageKeys({ internetMessageId: '<x@host>' }))).toEqual({ kind: 'message-id', value: '<x@host>' });
  });

  it('gives the same key text however the ids were spelled, and different texts to different ids', () => {
    const [a] = messageKeys({ internetMessageId: 'x@host' });
    const [b] = messageKeys({ internetMessageId: ' <x@host>' });
    const [c] = messageKeys({ internetMessageId: '<X@host>' });
    expect(a && messageKeyText(a)).toBe(b && messageKeyText(b));
    expect(a && messageKeyText(a)).not.toBe(c && messageKeyText(c));
    expect(messageKeys({ trackingId: TRACKING_ID }).map(messageKeyText)).toEqual(messageKeys({ trackingId: TRACKING_ID.toLowerCase() }).map(messageKeyText));
  });

  it('has no key when neither id is given', () => {
    expect(messageKeys({ internetMessageId: ' ', trackingId: '' })).toEqual([]);
    expect(primaryMessageKey([])).toBeUndefined();
  });

  it('names the ids a tracking learns from a request that sends both', () => {
    expect(missingMessageIds({ trackingId: TRACKING_ID.toLowerCase() }, { trackingId: TRACKING_ID, internetMessageId: 'x@host' })).toEqual({ internetMessageId: '<x@host>' });
    expect(missingMessageIds({ internetMessageId: '<x@host>' }, { trackingId: TRACKING_ID })).toEqual({ trackingId: TRACKING_ID.toLowerCase() });
    expect(missingMessageIds({ internetMessageId: '<x@host>', trackingId: 't' }, { internetMessageId: 'y@host' })).toEqual({});
  });
});

describe('excerpts', () => {
  it('collapses the whitespace of a body', () => {
    expect(trackedEmailExcerpt('  Hello Olivia,\r\n\r\n   thanks for   the call.\n')).toBe('Hello Olivia, thanks for the call.');
  });

  it('keeps at most 1000 characters, marking the cut', () => {
    const excerpt = trackedEmailExcerpt('word '.repeat(400));
    expect(excerpt).toHaveLength(MAX_STORED_EXCERPT);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(trackedEmailExcerpt('a'.repeat(MAX_STORED_EXCERPT))).toBe('a'.repeat(MAX_STORED_EXCERPT));
  });
});

describe('the timeline entry', () => {
  const record: TrackedEmailRecord = {
    id: 'e1',
    tenantId: 't1',
    internetMessageId: '<x@host>',
    subject: 'Renewal terms',
    from: { email: 'olivia.andersen@northwind.example', name: 'Olivia Andersen' },
    to: [{ email: 'priya.raman@contoso.example' }],
    cc: [],
    sentAt: '2026-09-01T09:00:00.000Z',
    excerpt: 'Please find the terms attached.',
    regarding: [{ entity: 'contact', id: 'c1' }, { entity: 'account', id: 'a1' }, { entity: 'opportunity', id: 'o1' }],
    ownerId: 'u1',
    historyEntryId: trackedEmailHistoryId('e1'),
    createdAt: '2026-09-01T10:00:00.000Z',
    createdBy: 'u1',
    updatedAt: '2026-09-01T10:00:00.000Z',
    updatedBy: 'u1',
    deletedAt: null,
  };

  it('is an e-mail entry on every regarded timeline, dated when it was sent, pointing back at the tracking', () => {
    expect(trackedEmailHistoryEntry(record)).toEqual({
      id: 'email-e1',
      tenantId: 't1',
      kind: 'email',
      occurredAt: '2026-09-01T09:00:00.000Z',
      actorId: 'u1',
      title: 'Renewal terms',
      summary: 'Please find the terms attached.',
      regarding: record.regarding,
      source: { entity: 'email', id: 'e1' },
      details: { from: 'olivia.andersen@northwind.example', fromName: 'Olivia Andersen', internetMessageId: '<x@host>' },
    });
  });

  it('is the same entry however often it is built, and titles a message without subject', () => {
    expect(trackedEmailHistoryEntry(record)).toEqual(trackedEmailHistoryEntry({ ...record }));
    const bare = trackedEmailHistoryEntry({ ...record, subject: '', excerpt: '', internetMessageId: undefined, from: { email: 'a@b.example' } });
    expect(bare.title).toBe('(no subject)');
    expect(bare).not.toHaveProperty('summary');
    expect(bare.details).toEqual({ from: 'a@b.example' });
  });
});
