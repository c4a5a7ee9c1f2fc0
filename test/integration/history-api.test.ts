/** Timelines: a note regarding a contact and its account shows on both, newest first, page by page. */
import { useLocalStack } from '../support/use-local-stack';

type Rec = { id: string; etag: string };
type Entry = { id: string; kind: string; title: string; summary?: string; occurredAt: string; regarding: Array<{ entity: string; id: string }> };
type Timeline = { items: Entry[]; continuation: string | null };

const { stack, call, tokens } = useLocalStack({ users: ['rep1'] });
let rep: string;
let account: Rec;
let contact: Rec;

beforeAll(async () => {
  rep = tokens.rep1;
  account = (await call<Rec>('POST', 'accounts', { token: rep, body: { name: 'Timeline Works' } })).body;
  contact = (await call<Rec>('POST', 'contacts', { token: rep, body: { lastName: 'Chronos', accountId: account.id } })).body;
});

function note(text: string, occurredAt: string, regarding = [{ entity: 'contact', id: contact.id }, { entity: 'account', id: account.id }]) {
  return call<Entry>('POST', 'notes', { token: rep, body: { regarding, text, occurredAt } });
}

it('adds a note to the timeline of every record it regards', async () => {
  const created = await note('Called about the renewal.\nThey want a discount.', '2026-10-01T10:00:00.000Z');
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({ kind: 'note', title: 'Called about the renewal.', summary: 'Called about the renewal.\nThey want a discount.' });
  expect(created.body).not.toHaveProperty('tenantId');
  for (const path of [`contacts/${contact.id}/history`, `accounts/${account.id}/history`]) {
    const timeline = await call<Timeline>('GET', path, { token: rep });
    expect(timeline.status).toBe(200);
    expect(timeline.body.items.map((entry) => entry.id)).toContain(created.body.id);
  }
});

it('pages a timeline newest first without gaps or repeats', async () => {
  const fresh = (await call<Rec>('POST', 'contacts', { token: rep, body: { lastName: 'Pager' } })).body;
  const regarding = [{ entity: 'contact', id: fresh.id }];
  for (let day = 1; day <= 7; day += 1) await note(`Day ${day}`, `2026-10-0${day}T09:00:00.000Z`, regarding);
  const titles: string[] = [];
  let continuation: string | null = null;
  do {
    const query: string = `contacts/${fresh.id}/history?limit=3${continuation ? `&continuation=${encodeURIComponent(continuation)}` : ''}`;
    const page: { body: Timeline } = await call<Timeline>('GET', query, { token: rep });
    titles.push(...page.body.items.map((entry) => entry.title));
    continuation = page.body.continuation;
  } while (continuation);
  expect(titles).toEqual(['Day 7', 'Day 6', 'Day 5', 'Day 4', 'Day 3', 'Day 2', 'Day 1']);
});

it('refuses a note about a record that does not exist, naming it', async () => {
  const response = await call<{ errors: Array<{ field: string }> }>('POST', 'notes', {
    token: rep, body: { regarding: [{ entity: 'contact', id: contact.id }, { entity: 'account', id: '00000000-0000-4000-8000-000000000000' }], text: 'x' },
  });
  expect(response.status).toBe(400);
  expect(response.body.errors.map((issue) => issue.field)).toEqual(['regarding.1.id']);
});

it('keeps timelines to the tenant and notes to the roles that may write them', async () => {
  const other = await stack.tokenFor('other-rep');
  expect((await call('GET', `contacts/${contact.id}/history`, { token: other })).status).toBe(404);
  const foreignNote = await call('POST', 'notes', { token: other, body: { regarding: [{ entity: 'contact', id: contact.id }], text: 'spy' } });
  expect(foreignNote.status).toBe(400);
  const readonly = await stack.tokenFor('readonly');
  expect((await call('GET', `contacts/${contact.id}/history`, { token: readonly })).status).toBe(200);
  expect((await call('POST', 'notes', { token: readonly, body: { regarding: [{ entity: 'contact', id: contact.id }], text: 'x' } })).status).toBe(403);
});

it('answers 404 for the timeline of a deleted record', async () => {
  const doomed = (await call<Rec>('POST', 'contacts', { token: rep, body: { lastName: 'Gone' } })).body;
  await call('DELETE', `contacts/${doomed.id}`, { token: rep, headers: { 'If-Match': doomed.etag } });
  expect((await call('GET', `contacts/${doomed.id}/history`, { token: rep })).status).toBe(404);
});
