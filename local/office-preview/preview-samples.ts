/**
 * The preview's mailbox: rep1's inbox with messages from people the seeded database knows (and
 * some it does not), a meeting and a draft. Addresses come from the seed's own `demoBook`, so the
 * pane's lookups find what the demo database holds.
 */
import type { SeedAccount, SeedContact } from '../seed/seed-data';
import { demoBook, demoUser } from '../seed/seed-support';
import type { PreviewAddress, PreviewSample, PreviewSamples } from './preview-types';

const MAILBOX_USERNAME = 'rep1';
const MAILBOX_TIME_ZONE = 'Europe/London';

function addressOf(contact: SeedContact | undefined): PreviewAddress {
  const emailAddress = contact?.input.emails[0]?.address;
  if (!contact || !emailAddress) throw new Error('The demo seed has fewer contacts than the preview needs.');
  return { displayName: `${contact.input.firstName} ${contact.input.lastName}`, emailAddress };
}

function domainOf(account: SeedAccount | undefined): string {
  const domain = account?.input.emailDomains?.[0];
  if (!domain) throw new Error('The demo seed has fewer accounts than the preview needs.');
  return domain;
}

/** Offset of `timeZone` from UTC at `instant`, in ms (positive east of Greenwich). */
function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((candidate) => candidate.type === type)?.value ?? 0);
  const asUtc = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The UTC instant of a wall-clock time `dayOffset` days from `now`'s date in `timeZone`. */
export function zonedWallTime(now: Date, dayOffset: number, hour: number, minute: number, timeZone: string): Date {
  const local = new Date(now.getTime() + zoneOffsetMs(now.getTime(), timeZone));
  const wall = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + dayOffset, hour, minute);
  // Twice, so a wall time on the other side of a daylight-saving change gets that side's offset.
  const first = wall - zoneOffsetMs(wall, timeZone);
  return new Date(wall - zoneOffsetMs(first, timeZone));
}

function paragraphs(...lines: string[]): string {
  return lines.join('\n\n');
}

/** The sample items; `now` fixes "yesterday" and "tomorrow" (tests pass their own). */
export function buildPreviewSamples(now: Date = new Date()): PreviewSamples {
  const owner = demoUser(MAILBOX_USERNAME);
  const me: PreviewAddress = { displayName: owner.displayName, emailAddress: owner.email };
  const { accounts, contacts } = demoBook();
  const contactsOf = (accountIndex: number): SeedContact[] => contacts.filter((contact) => contact.input.accountId === accounts[accountIndex]?.id);
  const [known, knownColleague] = contactsOf(0);
  const otherAccount = contactsOf(1);
  const colleagues = contactsOf(3);
  const meeting = contactsOf(4);
  const first = addressOf(known);
  const firstName = first.displayName.split(' ')[0] ?? '';
  const at = (dayOffset: number, hour: number, minute: number): string => zonedWallTime(now, dayOffset, hour, minute, MAILBOX_TIME_ZONE).toISOString();
  const items: PreviewSample[] = [
    {
      id: 'msg-known',
      label: `${first.displayName}: Renewal of the support contract`,
      kind: 'message-read',
      subject: 'Renewal of the support contract',
      from: first,
      to: [me],
      cc: [addressOf(otherAccount[1])],
      body: paragraphs(
        `Hi ${me.displayName.split(' ')[0] ?? ''},`,
        'Our support contract ends next quarter. Could you send us a quote for renewing it for two more years, with the premium response times we discussed?',
        'We would also like to add the analytics module for the Chicago site if the price is right.',
        `Best regards,\n${first.displayName}`,
      ),
      internetMessageId: '<preview-msg-known@northwind.example>',
      itemId: 'AAMkAGPreviewInbox0001MsgKnown=',
      conversationId: 'AAQkAGPreviewConversation0001=',
      dateTimeCreated: at(-1, 9, 42),
      internetHeaders: { 'Thread-Topic': 'Renewal of the support contract', 'X-MS-Has-Attach': 'no' },
    },
    colleaguesMessage(me, colleagues, at(-1, 15, 5)),
    {
      id: 'msg-unknown-company',
      label: 'Jordan Price: Question about your onboarding offer',
      kind: 'message-read',
      subject: 'Question about your onboarding offer',
      from: { displayName: 'Jordan Price', emailAddress: `jordan.price@${domainOf(accounts[0])}` },
      to: [me],
      cc: knownColleague ? [addressOf(knownColleague)] : [],
      body: paragraphs(
        `Hello ${me.displayName.split(' ')[0] ?? ''},`,
        `I joined the procurement team last week and ${firstName} told me to ask you about the onboarding offer. Do you have a brochure and a price list?`,
        'Thanks,\nJordan Price',
      ),
      internetMessageId: '<preview-msg-unknown-company@northwind.example>',
      itemId: 'AAMkAGPreviewInbox0003UnknownCompany=',
      conversationId: 'AAQkAGPreviewConversation0003=',
      dateTimeCreated: at(0, 8, 17),
    },
    {
      id: 'msg-stranger',
      label: 'Alex Doe: Partnership opportunity',
      kind: 'message-read',
      subject: 'Partnership opportunity',
      from: { displayName: 'Alex Doe', emailAddress: 'alex.doe@unknown-startup.example' },
      to: [me],
      cc: [],
      body: paragraphs('Hi there,', 'We are a young company building route planning for delivery fleets and would love to talk about a partnership. Do you have 20 minutes next week?', 'Alex Doe\nFounder, Unknown Startup'),
      internetMessageId: '<preview-msg-stranger@unknown-startup.example>',
      itemId: 'AAMkAGPreviewInbox0004Stranger=',
      conversationId: 'AAQkAGPreviewConversation0004=',
      dateTimeCreated: at(0, 10, 3),
    },
    meetingSample(me, meeting, at(1, 14, 0), at(1, 15, 0), at(-2, 11, 30)),
    {
      id: 'compose-new',
      label: `Draft to ${first.displayName}`,
      kind: 'message-compose',
      subject: '',
      to: [first],
      cc: [],
      body: '',
      itemId: 'AAMkAGPreviewDrafts0006ComposeNew=',
      dateTimeCreated: now.toISOString(),
    },
  ];
  return { mailbox: { ...me, timeZone: MAILBOX_TIME_ZONE }, items };
}

function colleaguesMessage(me: PreviewAddress, contacts: SeedContact[], sentAt: string): PreviewSample {
  const [sender, ...others] = contacts;
  const from = addressOf(sender);
  return {
    id: 'msg-colleagues',
    label: `${from.displayName}: Pilot feedback from our team`,
    kind: 'message-read',
    subject: 'Pilot feedback from our team',
    from,
    to: [me],
    cc: [addressOf(others[0]), addressOf(others[1]), { displayName: 'Sam Taylor', emailAddress: 'sam.taylor@freelance-advisors.example' }],
    body: paragraphs(
      'Hello,',
      'My colleagues in copy ran the pilot for three weeks. In short: the reports are exactly what we needed, the import was slow for large files.',
      'Sam, our external advisor, will join the review call.',
      `Kind regards,\n${from.displayName}`,
    ),
    internetMessageId: `<preview-msg-colleagues@${from.emailAddress.split('@')[1] ?? 'example.com'}>`,
    itemId: 'AAMkAGPreviewInbox0002MsgColleagues=',
    conversationId: 'AAQkAGPreviewConversation0002=',
    dateTimeCreated: sentAt,
  };
}

/** A meeting request as its attendee sees it; the key looks like Exchange's iCalUId (hex GOID). */
function meetingSample(me: PreviewAddress, contacts: SeedContact[], start: string, end: string, created: string): PreviewSample {
  const [organizerContact, attendee] = contacts;
  const organizer = addressOf(organizerContact);
  return {
    id: 'appt-meeting',
    label: `Meeting: Quarterly business review (${organizer.displayName})`,
    kind: 'appointment-read',
    subject: 'Quarterly business review',
    organizer,
    to: [],
    cc: [],
    requiredAttendees: [me, addressOf(attendee)],
    optionalAttendees: [],
    start,
    end,
    location: 'Microsoft Teams Meeting',
    body: paragraphs('Agenda:\n1. Usage figures of the last quarter\n2. Open support tickets\n3. Plans for next year', 'Join on your computer or mobile app: Click here to join the meeting'),
    itemId: '040000008200E00074C5B7101A82E00800000000507265766965774170707420303030350000',
    dateTimeCreated: created,
  };
}
