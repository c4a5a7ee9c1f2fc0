/** Deterministic ids: a doubled request meets the record the first one wrote, never another tenant's. */
import { meetingActivityId, nameBasedUuid, trackedEmailId } from '../../functions/usecases/outlook/outlook-ids';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

it('computes RFC 4122 name-based (v5) UUIDs', () => {
  // The RFC's DNS namespace and a name whose v5 UUID is published widely.
  expect(nameBasedUuid('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
});

it('derives one tracking id per tenant and message key', () => {
  const key = { kind: 'message-id' as const, value: '<x@host>' };
  expect(trackedEmailId('t1', key)).toMatch(UUID);
  expect(trackedEmailId('t1', key)).toBe(trackedEmailId('t1', { ...key }));
  expect(trackedEmailId('t2', key)).not.toBe(trackedEmailId('t1', key));
  expect(trackedEmailId('t1', { kind: 'tracking-id', value: '<x@host>' })).not.toBe(trackedEmailId('t1', key));
});

it('derives one meeting activity id per tenant and appointment key, case-sensitive as item ids are', () => {
  expect(meetingActivityId('t1', 'AAMkAD=')).toMatch(UUID);
  expect(meetingActivityId('t1', ' AAMkAD= ')).toBe(meetingActivityId('t1', 'AAMkAD='));
  expect(meetingActivityId('t1', 'aamkad=')).not.toBe(meetingActivityId('t1', 'AAMkAD='));
  expect(meetingActivityId('t2', 'AAMkAD=')).not.toBe(meetingActivityId('t1', 'AAMkAD='));
});
