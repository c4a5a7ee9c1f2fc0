/**
 * The Outlook preview's sample mailbox must match the seeded database: a pane that looks up the
 * known sender finds a contact, the unknown colleague's company is recognised by its domain, and
 * the stranger matches nothing.
 */
import { findDemoUser } from '../../local/identity/demo-directory';
import { buildPreviewSamples } from '../../local/office-preview/preview-samples';
import type { PreviewSample } from '../../local/office-preview/preview-types';
import { demoAccounts, demoContacts } from '../../local/seed/seed-data';
import { sampleSenderAddress } from '../../local/seed/seed-demo';

// As seedDemoData builds the book.
const owners = ['rep1', 'rep2', 'manager', 'rep1', 'rep2'].map((name) => findDemoUser(name)?.userId ?? '');
const accounts = demoAccounts(owners);
const contacts = demoContacts(accounts, owners);
const contactAddresses = new Set(contacts.flatMap((contact) => contact.input.emails.map((email) => email.address.toLowerCase())));
const accountDomains = new Set(accounts.flatMap((account) => account.input.emailDomains ?? []));

const NOW = new Date('2026-03-28T12:00:00Z'); // the day before the clocks go forward in London
const samples = buildPreviewSamples(NOW);

function item(id: string): PreviewSample {
  const found = samples.items.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no sample ${id}`);
  return found;
}

const domainOf = (address: string | undefined): string => address?.split('@')[1] ?? '';
const accountIdOf = (address: string | undefined): string | undefined =>
  contacts.find((contact) => contact.input.emails.some((email) => email.address === address))?.input.accountId;

describe('preview samples', () => {
  it('is the mailbox of rep1 in London, with the fixed item ids tests use', () => {
    expect(samples.mailbox).toEqual({ displayName: 'Priya Raman', emailAddress: 'priya.raman@contoso.example', timeZone: 'Europe/London' });
    expect(samples.items.map((sample) => sample.id)).toEqual(['msg-known', 'msg-colleagues', 'msg-unknown-company', 'msg-stranger', 'appt-meeting', 'compose-new']);
  });

  it('has a known sender: the seed’s first contact, received yesterday', () => {
    const known = item('msg-known');
    expect(known.from?.emailAddress).toBe(sampleSenderAddress());
    expect(contactAddresses.has(known.from?.emailAddress ?? '')).toBe(true);
    expect(known.to).toEqual([{ displayName: 'Priya Raman', emailAddress: 'priya.raman@contoso.example' }]);
    const [cc] = known.cc;
    expect(contactAddresses.has(cc?.emailAddress ?? '')).toBe(true);
    expect(accountIdOf(cc?.emailAddress)).not.toBe(accountIdOf(known.from?.emailAddress));
    expect(known.internetMessageId).toBe('<preview-msg-known@northwind.example>');
    expect(known.dateTimeCreated.slice(0, 10)).toBe('2026-03-27');
  });

  it('has colleagues of one account in copy, and one address nobody knows', () => {
    const message = item('msg-colleagues');
    const accountId = accountIdOf(message.from?.emailAddress);
    expect(accountId).toBeDefined();
    const known = message.cc.filter((address) => contactAddresses.has(address.emailAddress));
    expect(known.map((address) => accountIdOf(address.emailAddress))).toEqual([accountId, accountId]);
    expect(message.cc.filter((address) => !contactAddresses.has(address.emailAddress))).toHaveLength(1);
  });

  it('has a sender at a known account’s domain who is not a contact', () => {
    const sender = item('msg-unknown-company').from?.emailAddress ?? '';
    expect(accountDomains.has(domainOf(sender))).toBe(true);
    expect(contactAddresses.has(sender)).toBe(false);
  });

  it('has a stranger whose domain matches no account', () => {
    const sender = item('msg-stranger').from?.emailAddress ?? '';
    expect(sender).toBe('alex.doe@unknown-startup.example');
    expect(accountDomains.has(domainOf(sender))).toBe(false);
    expect(contactAddresses.has(sender)).toBe(false);
  });

  it('has a meeting tomorrow 14:00–15:00 London time, organised by a contact, with a colleague of theirs', () => {
    const meeting = item('appt-meeting');
    expect(meeting.kind).toBe('appointment-read');
    // 29 March 2026 is British Summer Time (UTC+1).
    expect(meeting.start).toBe('2026-03-29T13:00:00.000Z');
    expect(meeting.end).toBe('2026-03-29T14:00:00.000Z');
    const organizerAccount = accountIdOf(meeting.organizer?.emailAddress);
    expect(organizerAccount).toBeDefined();
    const attendees = (meeting.requiredAttendees ?? []).map((address) => address.emailAddress);
    expect(attendees).toContain('priya.raman@contoso.example');
    const colleague = attendees.find((address) => address !== 'priya.raman@contoso.example');
    expect(colleague).not.toBe(meeting.organizer?.emailAddress);
    expect(accountIdOf(colleague)).toBe(organizerAccount);
    expect(meeting.itemId).toMatch(/^040000008200E00074C5B7101A82E008[0-9A-F]+$/);
  });

  it('puts the meeting at 14:00 in winter too (GMT)', () => {
    const winter = buildPreviewSamples(new Date('2026-01-15T23:30:00Z')).items.find((sample) => sample.id === 'appt-meeting');
    expect(winter?.start).toBe('2026-01-16T14:00:00.000Z');
  });

  it('has an empty draft to the known sender', () => {
    const draft = item('compose-new');
    expect(draft.kind).toBe('message-compose');
    expect(draft.to.map((address) => address.emailAddress)).toEqual([sampleSenderAddress()]);
    expect(draft.subject).toBe('');
    expect(draft.body).toBe('');
  });
});
