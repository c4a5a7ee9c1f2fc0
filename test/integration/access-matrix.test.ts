/**
 * The security specification as a matrix: route × role × ownership → expected answer and
 * fields. Every record is owned by rep1 (team East); rep2 is in team West; the manager manages
 * both teams. Written out by hand on purpose: it states the policy, it is not derived from it.
 */
import { useLocalStack } from '../support/use-local-stack';

type Rec = { id: string; etag: string } & Record<string, unknown>;
type Role = 'admin' | 'manager' | 'rep1' | 'rep2' | 'marketing' | 'readonly';
type Entity = 'account' | 'contact' | 'opportunity' | 'activity';
type Operation = 'read' | 'update' | 'delete' | 'audit';

const ROLES: Role[] = ['admin', 'manager', 'rep1', 'rep2', 'marketing', 'readonly'];

/** Expected status per entity and operation, in the order of ROLES. */
const MATRIX: Record<Entity, Partial<Record<Operation, number[]>>> = {
  account: {
    read: [200, 200, 200, 200, 200, 200],
    update: [200, 200, 200, 403, 403, 403],
    delete: [204, 204, 204, 403, 403, 403],
    audit: [200, 200, 403, 403, 403, 403],
  },
  contact: {
    read: [200, 200, 200, 200, 200, 200],
    update: [200, 200, 200, 403, 200, 403],
    delete: [204, 204, 204, 403, 403, 403],
    audit: [200, 200, 403, 403, 403, 403],
  },
  opportunity: {
    read: [200, 200, 200, 404, 200, 200],
    update: [200, 200, 200, 404, 403, 403],
    delete: [204, 204, 204, 404, 403, 403],
  },
  activity: {
    read: [200, 200, 200, 404, 200, 200],
    update: [200, 200, 200, 404, 403, 403],
    delete: [204, 204, 204, 404, 403, 403],
  },
};

const PATH: Record<Entity, string> = { account: 'accounts', contact: 'contacts', opportunity: 'opportunities', activity: 'activities' };
const PATCH_BODY: Record<Entity, Record<string, unknown>> = {
  account: { industry: 'Energy' },
  contact: { department: 'Finance' },
  opportunity: { description: 'Updated in the matrix' },
  activity: { description: 'Updated in the matrix' },
};

const { stack, call, tokens } = useLocalStack({ seed: true, users: ROLES });
let accountId: string;

async function create(entity: Entity): Promise<Rec> {
  const bodies: Record<Entity, Record<string, unknown>> = {
    account: { name: 'Matrix Account' },
    contact: { lastName: 'Matrix', accountId },
    opportunity: { name: 'Matrix deal', accountId, amount: 100, margin: 25, expectedCloseDate: '2027-05-31' },
    activity: { type: 'todo', subject: 'Matrix to-do', timeZone: 'Europe/Paris', dueDate: '2027-05-01', regarding: [{ entity: 'account', id: accountId }] },
  };
  const token = entity === 'opportunity' ? tokens.manager : tokens.rep1; // margin is set by managers
  const created = await call<Rec>('POST', PATH[entity], { token, body: { ...bodies[entity], ...(entity === 'opportunity' ? { ownerId: await userId('rep1') } : {}) } });
  expect(created.status).toBe(201);
  return created.body;
}

async function userId(role: Role): Promise<string> {
  return (await stack.services.authenticate(`Bearer ${tokens[role]}`)).userId;
}

beforeAll(async () => {
  accountId = (await call<Rec>('POST', 'accounts', { token: tokens.rep1, body: { name: 'Matrix Parent' } })).body.id;
});

const cases = (Object.entries(MATRIX) as Array<[Entity, Partial<Record<Operation, number[]>>]>).flatMap(([entity, operations]) =>
  (Object.entries(operations) as Array<[Operation, number[]]>).flatMap(([operation, statuses]) =>
    ROLES.map((role, index) => [entity, operation, role, statuses[index] as number] as const),
  ),
);

it.each(cases)('%s %s by %s → %i', async (entity, operation, role, expected) => {
  const record = await create(entity);
  const path = `${PATH[entity]}/${record.id}`;
  const options = { token: tokens[role], headers: { 'If-Match': record.etag } };
  const response =
    operation === 'read' ? await call('GET', path, { token: tokens[role] })
    : operation === 'update' ? await call('PATCH', path, { ...options, body: PATCH_BODY[entity] })
    : operation === 'delete' ? await call('DELETE', path, options)
    : await call('GET', `${path}/audit`, { token: tokens[role] });
  expect(response.status).toBe(expected);
});

it.each([
  ['admin', true], ['manager', true], ['rep1', true], ['marketing', false], ['readonly', false],
] as const)('the opportunity margin is %s-visible: %s', async (role, visible) => {
  const deal = await create('opportunity');
  const read = await call<Rec>('GET', `opportunities/${deal.id}`, { token: tokens[role] });
  expect('margin' in read.body).toBe(visible);
});
