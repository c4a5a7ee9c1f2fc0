/** Attachments of activities: base64 in JSON, files in Blob storage, metadata on the activity under its ETag. */
import { createHash } from 'node:crypto';
import { useLocalStack } from '../support/use-local-stack';

type Attachment = { id: string; fileName: string; contentType: string; size: number; sha256: string; uploadedBy: string; contentBase64?: string };
type Activity = { id: string; etag: string; attachments: Attachment[] };
type Problem = { code: string; errors?: Array<{ field: string }> };

const { stack, call, tokens } = useLocalStack({ users: ['rep1'] });
let rep: string;
let tenantId: string;

const MINUTES = Buffer.from('Minutes of the budget review.\nBudget approved; contract next week.\n');
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x20)]);

beforeAll(async () => {
  rep = tokens.rep1;
  tenantId = (await stack.services.authenticate(`Bearer ${rep}`)).tenantId;
});

async function newActivity(): Promise<Activity> {
  const created = await call<Activity>('POST', 'activities', { token: rep, body: { type: 'todo', subject: 'File the minutes', timeZone: 'UTC', dueDate: '2026-09-01' } });
  return created.body;
}

function attach(activityId: string, etag: string | undefined, file: { fileName?: string; contentType: string; data: Buffer | string }) {
  const contentBase64 = typeof file.data === 'string' ? file.data : file.data.toString('base64');
  return call<Attachment & Problem>('POST', `activities/${activityId}/attachments`, {
    token: rep, body: { fileName: file.fileName ?? 'file.bin', contentType: file.contentType, contentBase64 }, headers: etag ? { 'If-Match': etag } : {},
  });
}

async function current(id: string): Promise<Activity> {
  return (await call<Activity>('GET', `activities/${id}`, { token: rep })).body;
}

it('round-trips a file: 201 with metadata, listed on the activity, read back identical, then deleted with its blob', async () => {
  const activity = await newActivity();
  const added = await attach(activity.id, activity.etag, { fileName: 'Minutes 2026-09-01.txt', contentType: 'text/plain; charset=utf-8', data: MINUTES });
  expect(added.status).toBe(201);
  expect(added.body).toMatchObject({ fileName: 'Minutes 2026-09-01.txt', contentType: 'text/plain', size: MINUTES.length, sha256: createHash('sha256').update(MINUTES).digest('hex') });
  expect(added.headers.get('location')).toBe(`/api/activities/${activity.id}/attachments/${added.body.id}`);
  const after = await current(activity.id);
  expect(added.headers.get('etag')).toBe(after.etag);
  expect(after.attachments.map((attachment) => attachment.id)).toEqual([added.body.id]);

  const read = await call<Attachment>('GET', `activities/${activity.id}/attachments/${added.body.id}`, { token: rep });
  expect(read.status).toBe(200);
  expect(Buffer.from(read.body.contentBase64 ?? '', 'base64').equals(MINUTES)).toBe(true);

  const blobName = `${tenantId}/${activity.id}/${added.body.id}`;
  expect(await stack.services.deps.files.attachments.get(blobName)).not.toBeNull();
  expect((await call('DELETE', `activities/${activity.id}/attachments/${added.body.id}`, { token: rep, headers: { 'If-Match': activity.etag } })).status).toBe(412);
  const removed = await call('DELETE', `activities/${activity.id}/attachments/${added.body.id}`, { token: rep, headers: { 'If-Match': after.etag } });
  expect(removed.status).toBe(204);
  expect(removed.headers.get('etag')).toBe((await current(activity.id)).etag);
  expect((await call('GET', `activities/${activity.id}/attachments/${added.body.id}`, { token: rep })).status).toBe(404);
  expect(await stack.services.deps.files.attachments.get(blobName)).toBeNull();
  expect((await current(activity.id)).attachments).toEqual([]);
});

it('needs the activity’s current ETag, and writes nothing when it is stale or missing', async () => {
  const activity = await newActivity();
  const first = await attach(activity.id, activity.etag, { contentType: 'application/pdf', data: PDF });
  expect(first.status).toBe(201);
  expect((await attach(activity.id, undefined, { contentType: 'application/pdf', data: PDF })).status).toBe(428);
  expect((await attach(activity.id, activity.etag, { contentType: 'application/pdf', data: PDF })).status).toBe(412);
  expect((await current(activity.id)).attachments).toHaveLength(1);
});

it.each([
  ['a type outside the list', { contentType: 'text/html', data: Buffer.from('<p>hi</p>') }, 415, 'contentType'],
  ['more than 150 KiB', { contentType: 'application/pdf', data: Buffer.concat([PDF, Buffer.alloc(150 * 1024, 0x20)]) }, 413, 'contentBase64'],
  ['content that is not what its type says', { contentType: 'image/png', data: Buffer.from('not a png') }, 400, 'contentBase64'],
  ['something that is not base64', { contentType: 'application/pdf', data: 'this is not base64!' }, 400, 'contentBase64'],
  ['a file name with a path', { fileName: '../../etc/passwd', contentType: 'text/plain', data: MINUTES }, 400, 'fileName'],
])('refuses %s, naming the field', async (_label, file, status, field) => {
  const activity = await newActivity();
  const response = await attach(activity.id, activity.etag, file);
  expect([response.status, response.body.errors?.map((issue) => issue.field)]).toEqual([status, [field]]);
  expect((await current(activity.id)).attachments).toEqual([]);
});

it('takes at most 10 attachments per activity', async () => {
  let activity = await newActivity();
  for (let n = 0; n < 10; n += 1) {
    expect((await attach(activity.id, activity.etag, { fileName: `page-${n}.pdf`, contentType: 'application/pdf', data: PDF })).status).toBe(201);
    activity = await current(activity.id);
  }
  const eleventh = await attach(activity.id, activity.etag, { fileName: 'page-10.pdf', contentType: 'application/pdf', data: PDF });
  expect([eleventh.status, eleventh.body.errors?.[0]?.field]).toEqual([400, 'attachments']);
});

it('keeps attachments away from another tenant and from read-only users’ writes', async () => {
  const activity = await newActivity();
  const added = await attach(activity.id, activity.etag, { contentType: 'text/plain', data: MINUTES });
  const other = await stack.tokenFor('other-rep');
  expect((await call('GET', `activities/${activity.id}/attachments/${added.body.id}`, { token: other })).status).toBe(404);
  const readonly = await stack.tokenFor('readonly');
  expect((await call('GET', `activities/${activity.id}/attachments/${added.body.id}`, { token: readonly })).status).toBe(200);
  const refused = await call('POST', `activities/${activity.id}/attachments`, {
    token: readonly, body: { fileName: 'x.txt', contentType: 'text/plain', contentBase64: MINUTES.toString('base64') }, headers: { 'If-Match': (await current(activity.id)).etag },
  });
  expect(refused.status).toBe(403);
});
