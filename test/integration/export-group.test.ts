/** A group's members as a file: evaluated as the caller may see them, field rules applied. */
import { useLocalStack } from '../support/use-local-stack';

type Group = { id: string; name: string; entity: string };
type ExportFile = { fileName: string; contentType: string; content: string; count: number };

const { stack, call, tokens } = useLocalStack({ seed: true, users: ['manager'] });
let groups: Group[];
let manager: string;

beforeAll(async () => {
  manager = tokens.manager;
  groups = (await call<{ items: Group[] }>('GET', 'groups?limit=50', { token: manager })).body.items;
});

function groupNamed(name: string): Group {
  const group = groups.find((candidate) => candidate.name === name);
  if (!group) throw new Error(`the seed has no group ${name}`);
  return group;
}

it('exports a saved search of accounts as CSV, one row per member', async () => {
  const group = groupNamed('Customers in France');
  const members = await call<{ items: unknown[] }>('GET', `groups/${group.id}/members?limit=200`, { token: manager });
  const file = await call<ExportFile>('GET', `exports/groups/${group.id}`, { token: manager });
  expect(file.status).toBe(200);
  expect(file.body.contentType).toContain('text/csv');
  expect(file.body.count).toBe(members.body.items.length);
  expect(file.body.content.trim().split(/\r\n/)).toHaveLength(members.body.items.length + 1);
});

it('exports a static contact group as vCard, and refuses vCard for accounts', async () => {
  const vips = groupNamed('VIP contacts');
  const file = await call<ExportFile>('GET', `exports/groups/${vips.id}?format=vcard`, { token: manager });
  expect(file.status).toBe(200);
  expect(file.body.content.match(/BEGIN:VCARD/g)).toHaveLength(file.body.count);
  const refused = await call<{ errors: Array<{ field: string }> }>('GET', `exports/groups/${groupNamed('Customers in France').id}?format=vcard`, { token: manager });
  expect(refused.status).toBe(400);
  expect(refused.body.errors[0]?.field).toBe('format');
});

it('answers 404 for another tenant’s group', async () => {
  const other = await stack.tokenFor('other-admin');
  expect((await call('GET', `exports/groups/${groupNamed('VIP contacts').id}`, { token: other })).status).toBe(404);
});
