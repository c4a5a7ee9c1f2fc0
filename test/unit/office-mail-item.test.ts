/**
 * How the pane reads Outlook's item through Office.js (addin/office/), against a fake of the part of
 * Office.js it uses: read, compose and meeting forms, the tracking mark, and who the participants are.
 */
import { readMailItem, readTrackingHeader } from '../../addin/office/mail-item';
import { participantsOf } from '../../addin/outlook/use-outlook-context';

type Callback = (result: { status: string; value?: unknown; error?: { code: number; message: string } }) => void;
const ok = (value: unknown) => (cb: Callback) => cb({ status: 'succeeded', value });
const fail = (cb: Callback) => cb({ status: 'failed', error: { code: 9041, message: 'ItemNotSaved' } });
const person = (emailAddress: string, displayName = emailAddress) => ({ emailAddress, displayName });

function installOffice(item: Record<string, unknown> | null, mailboxVersion = '1.13'): void {
  Object.defineProperty(globalThis, 'Office', {
    configurable: true,
    value: {
      AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
      CoercionType: { Text: 'text', Html: 'html' },
      MailboxEnums: { ItemType: { Message: 'message', Appointment: 'appointment' } },
      EventType: { ItemChanged: 'olkItemSelectedChanged' },
      context: {
        requirements: { isSetSupported: (_name: string, version: string) => Number(version.split('.')[1]) <= Number(mailboxVersion.split('.')[1]) },
        mailbox: { item, userProfile: { emailAddress: 'Priya.Raman@contoso.example', displayName: 'Priya Raman' } },
      },
    },
  });
}

afterEach(() => {
  Reflect.deleteProperty(globalThis, 'Office');
});

const readMessage = {
  itemType: 'message',
  itemId: 'AAMk-read',
  internetMessageId: '<m1@northwind.example>',
  conversationId: 'conv-1',
  subject: 'Renewal of the support contract',
  from: person('Olivia.Andersen@northwind.example', 'Olivia Andersen'),
  to: [person('priya.raman@contoso.example', 'Priya Raman')],
  cc: [person('chloe@tailspin.example'), person('olivia.andersen@northwind.example', 'Olivia Andersen')],
  dateTimeCreated: new Date('2026-11-27T09:42:00Z'),
};

test('a message being read: addresses in lower case, a display name only when it says more than the address', async () => {
  installOffice(readMessage);
  const item = await readMailItem();
  expect(item).toEqual({
    kind: 'message-read',
    itemId: 'AAMk-read',
    internetMessageId: '<m1@northwind.example>',
    conversationId: 'conv-1',
    subject: 'Renewal of the support contract',
    from: { email: 'olivia.andersen@northwind.example', name: 'Olivia Andersen' },
    to: [{ email: 'priya.raman@contoso.example', name: 'Priya Raman' }],
    cc: [{ email: 'chloe@tailspin.example' }, { email: 'olivia.andersen@northwind.example', name: 'Olivia Andersen' }],
    sentAt: '2026-11-27T09:42:00.000Z',
  });
});

test('the participants are everyone but the mailbox owner, each address once with its first role', async () => {
  installOffice(readMessage);
  const item = await readMailItem();
  if (!item) throw new Error('no item');
  expect(participantsOf(item, { email: 'Priya.Raman@contoso.example' }).map((p) => `${p.role}:${p.email}`)).toEqual([
    'from:olivia.andersen@northwind.example',
    'cc:chloe@tailspin.example',
  ]);
});

test('a message being written is read through the async getters', async () => {
  installOffice({
    itemType: 'message',
    subject: { getAsync: ok('') },
    to: { getAsync: ok([person('olivia.andersen@northwind.example', 'Olivia Andersen')]) },
    cc: { getAsync: ok([]) },
  });
  await expect(readMailItem()).resolves.toEqual({ kind: 'message-compose', subject: '', to: [{ email: 'olivia.andersen@northwind.example', name: 'Olivia Andersen' }], cc: [] });
});

test("an organiser's new meeting has no key until it is saved (never one made of its subject)", async () => {
  installOffice({
    itemType: 'appointment',
    subject: { getAsync: ok('Weekly sync') },
    start: { getAsync: ok(new Date('2026-11-30T14:00:00Z')) },
    end: { getAsync: ok(new Date('2026-11-30T15:00:00Z')) },
    location: { getAsync: ok('') },
    requiredAttendees: { getAsync: ok([person('marcus.muller@proseware.example', 'Marcus Müller')]) },
    optionalAttendees: { getAsync: ok([]) },
    getItemIdAsync: fail,
  });
  const item = await readMailItem();
  expect(item).toMatchObject({ kind: 'appointment', key: '', canSave: true, subject: 'Weekly sync', start: '2026-11-30T14:00:00.000Z', attendees: [{ email: 'marcus.muller@proseware.example' }] });
  expect(item).not.toHaveProperty('location');
});

test('no selection is no item', async () => {
  installOffice(null);
  await expect(readMailItem()).resolves.toBeNull();
});

test('the tracking id is found in the internet headers, else in the custom property the draft kept', async () => {
  const trackingId = '4b7f4a4e-1c1a-4b52-9c1e-0a6f0b3c2d10';
  installOffice({ ...readMessage, getAllInternetHeadersAsync: ok(`Subject: x\r\nX-OfficeCRM-Track: ${trackingId}\r\n`), loadCustomPropertiesAsync: ok({ get: () => undefined }) });
  await expect(readTrackingHeader()).resolves.toBe(trackingId);
  installOffice({ ...readMessage, getAllInternetHeadersAsync: ok('Subject: x\r\n'), loadCustomPropertiesAsync: ok({ get: () => JSON.stringify({ trackingId, contactIds: [] }) }) });
  await expect(readTrackingHeader()).resolves.toBe(trackingId);
  installOffice({ ...readMessage, getAllInternetHeadersAsync: ok('Subject: x\r\n'), loadCustomPropertiesAsync: ok({ get: () => undefined }) });
  await expect(readTrackingHeader()).resolves.toBeUndefined();
});
