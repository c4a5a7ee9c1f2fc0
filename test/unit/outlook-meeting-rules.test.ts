/** How an appointment becomes a meeting activity, and what linking it again changes. */
import { MAX_REGARDING, meetingFields, meetingPatch, meetingSubject, type MeetingLink } from '../../shared/domain/meeting-link';
import type { ActivityRecord } from '../../shared/domain/activity';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const link: MeetingLink = {
  subject: 'Quarterly review',
  start: '2026-09-01T09:00:00.000Z',
  end: '2026-09-01T10:00:00.000Z',
  timeZone: 'Europe/Paris',
  location: 'Room 4',
  contactIds: [id(1), id(2)],
  accountId: id(100),
  opportunityId: id(200),
};

function activityOf(fields: ReturnType<typeof meetingFields>, extra: Partial<ActivityRecord> = {}): ActivityRecord {
  return {
    id: 'm1', tenantId: 't1', type: 'meeting', ownerId: 'u1', status: 'open', priority: 'normal', allDay: false, completionCount: 0, attachments: [],
    createdAt: '', createdBy: 'u1', updatedAt: '', updatedBy: 'u1', deletedAt: null, ...fields, ...extra,
  };
}

it('regards the account, the opportunity and the contacts, who also attend', () => {
  const fields = meetingFields(link);
  expect(fields.regarding).toEqual([
    { entity: 'account', id: id(100) }, { entity: 'opportunity', id: id(200) }, { entity: 'contact', id: id(1) }, { entity: 'contact', id: id(2) },
  ]);
  expect(fields.attendees).toEqual([{ contactId: id(1) }, { contactId: id(2) }]);
});

it('keeps an activity to 10 regarded records; every contact still attends', () => {
  const many = Array.from({ length: 30 }, (_unused, n) => id(n + 1));
  const fields = meetingFields({ ...link, contactIds: many });
  expect(fields.regarding).toHaveLength(MAX_REGARDING);
  expect(fields.attendees).toHaveLength(30);
});

it('gives an empty subject a name and cuts a long one to 200 characters', () => {
  expect(meetingSubject('  ')).toBe('Meeting');
  expect(meetingSubject('x'.repeat(400))).toHaveLength(200);
});

it('changes nothing when the appointment is linked again as it was', () => {
  const fields = meetingFields(link);
  expect(meetingPatch(activityOf(fields), meetingFields({ ...link, contactIds: [id(2), id(1)] }))).toBeNull();
});

it('follows a moved appointment and new contacts, keeping users added in the CRM', () => {
  const current = activityOf(meetingFields(link), { attendees: [{ userId: 'u9' }, { contactId: id(1) }, { contactId: id(2) }] });
  const patch = meetingPatch(current, meetingFields({ ...link, start: '2026-09-02T09:00:00.000Z', end: '2026-09-02T10:00:00.000Z', contactIds: [id(1), id(3)], location: '' }));
  expect(patch).toEqual({
    start: '2026-09-02T09:00:00.000Z',
    end: '2026-09-02T10:00:00.000Z',
    location: null,
    attendees: [{ userId: 'u9' }, { contactId: id(1) }, { contactId: id(3) }],
    regarding: [{ entity: 'account', id: id(100) }, { entity: 'opportunity', id: id(200) }, { entity: 'contact', id: id(1) }, { entity: 'contact', id: id(3) }],
  });
});
