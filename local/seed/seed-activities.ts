/**
 * About 200 activities for the demo tenant: calls, meetings and to-dos around a fixed base date
 * (the past half of them mostly completed, so timelines show results), a few relative to now so
 * "upcoming" is never empty on a fresh start, two recurring series and two all-day events.
 * Ids are deterministic; an activity is completed only in the run that created it.
 */
import { completeActivity } from '../../functions/usecases/activities/complete-activity.usecase';
import { createActivity } from '../../functions/usecases/activities/create-activity.usecase';
import type { ActivityCreate } from '../../shared/contracts/activities.contract';
import type { ActivityRecord } from '../../shared/domain/activity';
import { activitySpan } from '../../shared/domain/activity-schedule';
import type { RecordRef } from '../../shared/domain/history';
import type { Principal } from '../../shared/domain/principal';
import type { Versioned } from '../../shared/domain/record';
import { addDays, formatLocalDate, instantOf, isoWeekday, localDateOf, parseLocalDate, startOfLocalDay, type LocalDate } from '../../shared/domain/time-zone';
import { random, seedId, type SeedContact } from './seed-data';
import { callWithId, createOnce, demoUser, principalOf, type SeedContext } from './seed-support';

const BASE = Date.parse('2026-11-16T00:00:00Z');
const MINUTE = 60 * 1000;

const ZONES: Record<string, string> = {
  Seattle: 'America/Los_Angeles', Boston: 'America/New_York', Chicago: 'America/Chicago', Toronto: 'America/Toronto', London: 'Europe/London',
  Paris: 'Europe/Paris', Lyon: 'Europe/Paris', Munich: 'Europe/Berlin', Amsterdam: 'Europe/Amsterdam', Stockholm: 'Europe/Stockholm',
};
const SUBJECTS = {
  call: ['Budget review', 'Follow-up on the proposal', 'Renewal check-in', 'Discovery call', 'Pricing questions', 'Reference call', 'Contract terms'],
  meeting: ['Quarterly business review', 'Product demo', 'Kick-off workshop', 'Negotiation meeting', 'Site visit', 'Executive briefing'],
  todo: ['Send the revised quote', 'Prepare the demo environment', 'Update the mutual action plan', 'Share two case studies', 'Book the follow-up meeting', 'Check credit terms with finance'],
} as const;
const RESULTS = [
  'Agreed on next steps; proposal due next week.', 'Budget confirmed for the first quarter.', 'They need sign-off from the CFO first.',
  'Left a voicemail; trying again on Thursday.', 'Demo went well; they asked for a trial.', 'Done; waiting for their feedback.',
];

interface SeedActivity {
  id: string;
  owner: Principal;
  input: ActivityCreate;
  result?: string;
}

function pick<T>(items: readonly T[], index: number): T {
  return items[index % items.length] as T;
}

/** The contact's account decides the zone meetings are set in. */
function zoneOf(context: SeedContext, contact: SeedContact): string {
  const account = context.accounts.find((candidate) => candidate.id === contact.input.accountId);
  return ZONES[account?.input.address?.city ?? ''] ?? 'UTC';
}

function weekday(date: LocalDate): LocalDate {
  const day = isoWeekday(date);
  return day >= 5 ? addDays(date, 7 - day) : date;
}

function regardingOf(context: SeedContext, contact: SeedContact, index: number): RecordRef[] {
  const refs: RecordRef[] = [{ entity: 'contact', id: contact.id }];
  if (contact.input.accountId) refs.push({ entity: 'account', id: contact.input.accountId });
  const opportunityId = context.opportunityIds.length && index % 3 === 0 ? pick(context.opportunityIds, index) : undefined;
  if (opportunityId) refs.push({ entity: 'opportunity', id: opportunityId });
  return refs;
}

/** A call, meeting or to-do with `contact`, on `day` at `hour` in the contact's zone. */
function activityOn(context: SeedContext, index: number, contact: SeedContact, day: LocalDate, hour: number, owner: Principal): ActivityCreate {
  const timeZone = zoneOf(context, contact);
  const type = index % 10 < 4 ? 'call' : index % 10 < 7 ? 'meeting' : 'todo';
  const common = { subject: pick(SUBJECTS[type], index), priority: pick(['normal', 'normal', 'high', 'low'] as const, index), timeZone, allDay: false, regarding: regardingOf(context, contact, index) };
  if (type === 'todo') return { ...common, type, dueDate: formatLocalDate(day), attendees: [] };
  const start = instantOf({ ...day, hour, minute: (index % 2) * 30, second: 0, millisecond: 0 }, timeZone);
  const minutes = type === 'call' ? 30 : 60;
  return {
    ...common,
    type,
    start: new Date(start).toISOString(),
    end: new Date(start + minutes * MINUTE).toISOString(),
    attendees: [{ userId: owner.userId }, { contactId: contact.id }],
    ...(type === 'meeting' ? { location: 'Teams meeting', reminderMinutesBefore: 15 } : {}),
  };
}

function aroundBaseDate(context: SeedContext, owners: Principal[]): SeedActivity[] {
  const next = random(20261116);
  return Array.from({ length: 180 }, (_, index) => {
    const contact = pick(context.contacts, index * 7);
    const owner = pick(owners, index);
    const day = weekday(addDays(localDateOf(BASE, zoneOf(context, contact)), Math.floor(next() * 110) - 70));
    const input = activityOn(context, index, contact, day, 8 + Math.floor(next() * 9), owner);
    // About half of what was over before the base date is completed; the rest stays open (overdue).
    const past = Date.parse(activitySpan(input).end) < BASE;
    return { id: seedId(`activity:${index}`), owner, input, result: past && index % 2 === 0 ? pick(RESULTS, index) : undefined };
  });
}

function upcoming(context: SeedContext, owners: Principal[]): SeedActivity[] {
  const now = context.deps.now().getTime();
  return Array.from({ length: 20 }, (_, k) => {
    const contact = pick(context.contacts, k * 11 + 3);
    const day = weekday(addDays(localDateOf(now, zoneOf(context, contact)), 1 + Math.floor(k / 2)));
    const owner = pick(owners, k);
    return { id: seedId(`activity:upcoming:${k}`), owner, input: activityOn(context, k, contact, day, 10 + (k % 3) * 2, owner) };
  });
}

const EVENTS = [
  { subject: 'Hannover trade fair', location: 'Hannover', date: '2026-12-07', days: 3 },
  { subject: 'Customer summit', location: 'Amsterdam', date: '2027-01-19', days: 1 },
];

/** Midnight-to-midnight days in Berlin: the all-day events regard a few accounts each. */
function allDayEvents(context: SeedContext, owner: Principal): SeedActivity[] {
  const midnight = (date: LocalDate) => new Date(startOfLocalDay(date, 'Europe/Berlin')).toISOString();
  return EVENTS.map((event, index) => ({
    id: seedId(`activity:event:${index}`),
    owner,
    input: {
      type: 'event', subject: event.subject, location: event.location, priority: 'normal', timeZone: 'Europe/Berlin', allDay: true, attendees: [],
      start: midnight(parseLocalDate(event.date)), end: midnight(addDays(parseLocalDate(event.date), event.days)),
      regarding: context.accounts.slice(index * 3, index * 3 + 3).map((account) => ({ entity: 'account' as const, id: account.id })),
    },
  }));
}

/** A weekly internal review (no record regarded) and a monthly call with a key contact. */
function series(context: SeedContext, [rep1, rep2, manager]: Principal[]): SeedActivity[] {
  if (!rep1 || !rep2 || !manager) return [];
  const key = pick(context.contacts, 0);
  const keyZone = zoneOf(context, key);
  const at = (date: string, hour: number, timeZone: string) => new Date(instantOf({ ...parseLocalDate(date), hour, minute: 0, second: 0, millisecond: 0 }, timeZone)).toISOString();
  return [
    {
      id: seedId('activity:series:pipeline-review'),
      owner: manager,
      input: {
        type: 'meeting', subject: 'Weekly pipeline review', priority: 'normal', timeZone: 'America/New_York', allDay: false,
        start: at('2026-09-07', 9, 'America/New_York'), end: at('2026-09-07', 10, 'America/New_York'),
        attendees: [{ userId: rep1.userId }, { userId: rep2.userId }], regarding: [],
        recurrence: { frequency: 'weekly', interval: 1, daysOfWeek: ['monday'], until: '2027-12-31' },
      },
    },
    {
      id: seedId('activity:series:account-review'),
      owner: rep1,
      input: {
        type: 'call', subject: 'Monthly account review', priority: 'high', timeZone: keyZone, allDay: false,
        start: at('2026-09-15', 15, keyZone), end: at('2026-09-15', 16, keyZone),
        attendees: [{ contactId: key.id }], regarding: regardingOf(context, key, 1), recurrence: { frequency: 'monthly', interval: 1, count: 24 },
      },
    },
  ];
}

export async function seedActivities(context: SeedContext): Promise<void> {
  if (!context.contacts.length) return;
  const owners = ['rep1', 'rep2', 'manager'].map((name) => principalOf(demoUser(name)));
  for (const seed of [...aroundBaseDate(context, owners), ...upcoming(context, owners), ...series(context, owners), ...allDayEvents(context, owners[2] ?? context.admin)]) {
    const created: { record?: Versioned<ActivityRecord> } = {};
    await createOnce(context.report, async () => {
      created.record = await createActivity(callWithId(context, seed.id, seed.owner), seed.input);
    });
    if (created.record && seed.result) {
      const completedAt = activitySpan(created.record).end;
      await completeActivity(callWithId(context, seed.id, seed.owner), seed.id, { result: seed.result, completedAt }, created.record.etag);
    }
  }
}
