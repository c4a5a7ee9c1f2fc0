/** The organisation's sales stages over HTTP: everyone reads them, administrators change them, deals follow them. */
import { useLocalStack } from '../support/use-local-stack';

type Stage = { id: string; name: string; probability: number; kind: 'open' | 'won' | 'lost' };
type Settings = { stages: Stage[]; isDefault: boolean; etag: string };
type Problem = { code: string; detail: string; errors: Array<{ field: string; message: string }> };

const { call, tokens } = useLocalStack({ users: ['admin', 'manager', 'rep1', 'readonly', 'other-admin', 'other-rep'] });
let accountId: string;

beforeAll(async () => {
  accountId = (await call<{ id: string }>('POST', 'accounts', { token: tokens.rep1, body: { name: 'Stage Test Co' } })).body.id;
});

async function current(token = tokens.admin): Promise<Settings> {
  const response = await call<Settings>('GET', 'settings/sales-stages', { token });
  expect(response.status).toBe(200);
  expect(response.headers.get('etag')).toBe(response.body.etag);
  return response.body;
}

function put(stages: Stage[], etag: string | undefined, token = tokens.admin) {
  return call<Settings & Problem>('PUT', 'settings/sales-stages', { token, body: { stages }, headers: etag ? { 'If-Match': etag } : {} });
}

const withNeedsAnalysis = (stages: Stage[]): Stage[] => [
  ...stages.slice(0, 2),
  { id: 'needs-analysis', name: 'Needs analysis', probability: 30, kind: 'open' },
  ...stages.slice(2),
];

it('shows the default stages to every role until an administrator changes them', async () => {
  const settings = await current(tokens.readonly);
  expect(settings.isDefault).toBe(true);
  expect(settings.stages.map((stage) => stage.id)).toEqual(['prospect', 'qualify', 'develop', 'propose', 'negotiate', 'closed-won', 'closed-lost']);
});

it('lets only administrators change the stages', async () => {
  const { stages, etag } = await current();
  for (const user of ['manager', 'rep1', 'readonly']) expect((await put(stages, etag, tokens[user])).status).toBe(403);
});

it('needs If-Match: 428 without it, 412 when stale', async () => {
  const before = await current();
  expect((await put(withNeedsAnalysis(before.stages), undefined)).status).toBe(428);
  const saved = await put(withNeedsAnalysis(before.stages), before.etag);
  expect(saved.status).toBe(200);
  expect(saved.body).toMatchObject({ isDefault: false });
  expect(saved.headers.get('etag')).toBe(saved.body.etag);
  expect((await put(before.stages, before.etag)).status).toBe(412);
  expect((await current(tokens.rep1)).stages.map((stage) => stage.id)).toContain('needs-analysis');
});

it('puts new deals on the new list: its stages and their default probabilities', async () => {
  const created = await call<{ stage: string; probability: number }>('POST', 'opportunities', {
    token: tokens.rep1, body: { name: 'Analysed deal', accountId, stage: 'needs-analysis', expectedCloseDate: '2027-01-31' },
  });
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({ stage: 'needs-analysis', probability: 30 });
});

it.each([
  ['a duplicate id', (stages: Stage[]) => [...stages, { ...stages[0], name: 'Again' } as Stage], (n: number) => `stages.${n}.id`],
  ['no won stage', (stages: Stage[]) => stages.filter((stage) => stage.kind !== 'won'), () => 'stages'],
  ['a probability out of range', (stages: Stage[]) => stages.map((stage, n) => (n === 1 ? { ...stage, probability: 120 } : stage)), () => 'stages.1.probability'],
  ['a won stage below 100%', (stages: Stage[]) => stages.map((stage) => (stage.kind === 'won' ? { ...stage, probability: 90 } : stage)), (n: number) => `stages.${n - 2}.probability`],
  ['an id that is not a slug', (stages: Stage[]) => stages.map((stage, n) => (n === 0 ? { ...stage, id: 'First Stage' } : stage)), () => 'stages.0.id'],
])('refuses %s, naming the field', async (_label, change, field) => {
  const { stages, etag } = await current();
  const response = await put(change(stages), etag);
  expect(response.status).toBe(400);
  expect(response.body.errors.map((issue) => issue.field)).toContain(field(stages.length));
  expect((await current()).etag).toBe(etag);
});

it('refuses to drop a stage open deals are at, naming it; allows it once they moved on', async () => {
  const deal = await call<{ id: string; etag: string }>('POST', 'opportunities', {
    token: tokens.rep1, body: { name: 'Stuck deal', accountId, stage: 'develop', expectedCloseDate: '2027-02-28' },
  });
  const { stages, etag } = await current();
  const withoutDevelop = stages.filter((stage) => stage.id !== 'develop');
  const refused = await put(withoutDevelop, etag);
  expect(refused.status).toBe(400);
  expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'stages', message: expect.stringContaining('"Develop" (develop)') })]);
  const moved = await call('POST', `opportunities/${deal.body.id}/stage`, { token: tokens.rep1, body: { stage: 'propose' }, headers: { 'If-Match': deal.body.etag } });
  expect(moved.status).toBe(200);
  expect((await put(withoutDevelop, etag)).status).toBe(200);
});

it('refuses to change the kind of a stage deals are at', async () => {
  const { stages, etag } = await current();
  const index = stages.findIndex((stage) => stage.id === 'propose');
  const changed = stages.map((stage) => (stage.id === 'propose' ? { ...stage, kind: 'lost' as const, probability: 0 } : stage.kind === 'lost' ? { ...stage, kind: 'open' as const } : stage));
  const response = await put(changed, etag);
  expect(response.status).toBe(400);
  expect(response.body.errors.map((issue) => issue.field)).toContain(`stages.${index}.kind`);
});

it('keeps each tenant to its own stages', async () => {
  const other = await current(tokens['other-rep']);
  expect(other.isDefault).toBe(true);
  expect(other.stages.map((stage) => stage.id)).not.toContain('needs-analysis');
});
