/**
 * Saved-search criteria: a small tree of conditions over a whitelist of fields per entity,
 * checked here (pure) before it is stored or evaluated. The store compiles it to parameterised
 * SQL (functions/infra/cosmos/criteria-query.ts); values never become SQL text.
 */
import { AppError, type FieldIssue } from './errors';
import { LEAD_SOURCES, OPPORTUNITY_STATUSES } from './opportunity';
import { searchTokens } from './text-normalization';

export const GROUP_ENTITIES = ['contact', 'account', 'opportunity'] as const;
export type GroupEntity = (typeof GROUP_ENTITIES)[number];

export const CRITERION_OPS = ['eq', 'ne', 'in', 'gt', 'gte', 'lt', 'lte', 'between', 'contains', 'exists'] as const;
export type CriterionOp = (typeof CRITERION_OPS)[number];

export const MAX_CRITERIA_DEPTH = 5;
export const MAX_CONDITIONS = 50;
export const MAX_IN_VALUES = 100;

export type Scalar = string | number;
export interface Condition {
  field: string;
  op: CriterionOp;
  value: Scalar | Scalar[] | boolean;
}
export interface AllNode {
  all: CriteriaNode[];
}
export interface AnyNode {
  any: CriteriaNode[];
}
export type CriteriaNode = AllNode | AnyNode | Condition;
/** The root may also carry `keyword`, matched against the record's search text; it may be all there is. */
export type Criteria = (CriteriaNode & { keyword?: string }) | { keyword: string };

/**
 * How a field compares: `text` ignoring case (people type "france"), `code` exactly (ids, stage
 * ids, currencies), `enum` against its values, `number`, `date` (YYYY-MM-DD), `datetime` (ISO,
 * a date alone meaning that whole day), `emails` (any of the contact's addresses).
 */
export type FieldKind = 'text' | 'code' | 'enum' | 'number' | 'date' | 'datetime' | 'emails';

export interface FieldSpec {
  kind: FieldKind;
  values?: readonly string[];
}

const ACCOUNT_TYPES = ['prospect', 'customer', 'partner', 'competitor'] as const;

export const CRITERIA_FIELDS: Record<GroupEntity, Record<string, FieldSpec>> = {
  contact: {
    lastName: { kind: 'text' }, firstName: { kind: 'text' }, jobTitle: { kind: 'text' }, department: { kind: 'text' },
    accountId: { kind: 'code' }, accountName: { kind: 'text' }, ownerId: { kind: 'code' },
    'address.city': { kind: 'text' }, 'address.country': { kind: 'text' }, emails: { kind: 'emails' }, createdAt: { kind: 'datetime' },
  },
  account: {
    name: { kind: 'text' }, type: { kind: 'enum', values: ACCOUNT_TYPES }, industry: { kind: 'text' },
    'address.city': { kind: 'text' }, 'address.country': { kind: 'text' }, ownerId: { kind: 'code' }, createdAt: { kind: 'datetime' },
  },
  opportunity: {
    name: { kind: 'text' }, stage: { kind: 'code' }, status: { kind: 'enum', values: OPPORTUNITY_STATUSES }, amount: { kind: 'number' },
    currency: { kind: 'code' }, expectedCloseDate: { kind: 'date' }, ownerId: { kind: 'code' }, accountId: { kind: 'code' },
    probability: { kind: 'number' }, leadSource: { kind: 'enum', values: LEAD_SOURCES }, margin: { kind: 'number' }, createdAt: { kind: 'datetime' },
  },
};

/** The record fields each entity's search text is built from: a keyword probes every one of them. */
export const KEYWORD_SOURCES: Record<GroupEntity, readonly string[]> = {
  contact: ['firstName', 'lastName', 'jobTitle', 'accountName', 'emails', 'phones'],
  account: ['name', 'email', 'emailDomains', 'website', 'industry', 'address', 'phone'],
  opportunity: ['name', 'accountName'],
};

const OPS: Record<FieldKind, readonly CriterionOp[]> = {
  text: ['eq', 'ne', 'in', 'contains', 'exists'],
  code: ['eq', 'ne', 'in', 'exists'],
  enum: ['eq', 'ne', 'in', 'exists'],
  number: ['eq', 'ne', 'in', 'gt', 'gte', 'lt', 'lte', 'between', 'exists'],
  date: ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'between', 'exists'],
  datetime: ['gt', 'gte', 'lt', 'lte', 'between', 'exists'],
  emails: ['eq', 'contains', 'exists'],
};

export function opsFor(kind: FieldKind): readonly CriterionOp[] {
  return OPS[kind];
}

export function isGroupNode(node: CriteriaNode): node is AllNode | AnyNode {
  return 'all' in node || 'any' in node;
}

/** The tree under the root's keyword, if any. */
export function criteriaTree(criteria: Criteria): CriteriaNode | undefined {
  if ('all' in criteria) return { all: criteria.all };
  if ('any' in criteria) return { any: criteria.any };
  if ('field' in criteria) return { field: criteria.field, op: criteria.op, value: criteria.value };
  return undefined;
}

/** Every condition of the tree, in order. */
export function conditionsOf(node: CriteriaNode | undefined): Condition[] {
  if (!node) return [];
  if ('all' in node) return node.all.flatMap(conditionsOf);
  if ('any' in node) return node.any.flatMap(conditionsOf);
  return [node];
}

/** The record field a criterion reads, as field-level security names it (`address.city` → `address`). */
export function recordFieldOf(field: string): string {
  return field.split('.')[0] ?? field;
}

/**
 * Fields hidden from the caller that the criteria would let them probe: each condition's field,
 * and `keyword` when a field behind the search text is hidden. Empty when nothing is probed.
 */
export function hiddenCriteriaFields(entity: GroupEntity, criteria: Criteria, hidden: ReadonlySet<string>): string[] {
  const probed = conditionsOf(criteriaTree(criteria))
    .map((condition) => condition.field)
    .filter((field) => hidden.has(recordFieldOf(field)));
  if (criteria.keyword !== undefined && KEYWORD_SOURCES[entity].some((field) => hidden.has(field))) probed.push('keyword');
  return [...new Set(probed)];
}

/** The criteria, checked against the entity's fields; VALIDATION naming each path (`criteria.all.2.value`) otherwise. */
export function parseCriteria(entity: GroupEntity, raw: unknown, prefix = 'criteria'): Criteria {
  const issues: FieldIssue[] = [];
  const criteria = checkRoot(entity, raw, issues);
  if (issues.length || !criteria) {
    const named = issues.map((issue) => ({ ...issue, field: [prefix, issue.field].filter(Boolean).join('.') }));
    throw new AppError('VALIDATION', `Check the criteria: ${named[0]?.field ?? prefix} ${named[0]?.message ?? 'is invalid'}.`, { issues: named });
  }
  return criteria;
}

/** What is wrong with the criteria, each issue naming its path inside them (`all.2.value`). */
export function criteriaIssues(entity: GroupEntity, raw: unknown): FieldIssue[] {
  const issues: FieldIssue[] = [];
  checkRoot(entity, raw, issues);
  return issues;
}

// ---- Checking, from untrusted JSON to a typed tree ----

type Path = Array<string | number>;
interface Walk {
  entity: GroupEntity;
  issues: FieldIssue[];
  conditions: number;
}

const at = (path: Path) => path.join('.');

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkRoot(entity: GroupEntity, raw: unknown, issues: FieldIssue[]): Criteria | undefined {
  if (!isObject(raw)) {
    issues.push({ field: '', message: 'must be an object: { all: [...] }, { any: [...] } or { field, op, value }' });
    return undefined;
  }
  const { keyword, ...rest } = raw;
  let cleanKeyword: string | undefined;
  if (keyword !== undefined) {
    if (typeof keyword !== 'string' || keyword.trim().length === 0 || keyword.length > 100 || searchTokens(keyword).length === 0) {
      issues.push({ field: 'keyword', message: 'must be 1 to 100 characters with at least one word' });
    } else cleanKeyword = keyword.trim();
  }
  const walk: Walk = { entity, issues, conditions: 0 };
  if (Object.keys(rest).length === 0) {
    if (keyword === undefined) issues.push({ field: '', message: 'needs a condition or a keyword' });
    return cleanKeyword === undefined ? undefined : { keyword: cleanKeyword };
  }
  const node = checkNode(walk, rest, [], 1);
  if (walk.conditions > MAX_CONDITIONS) issues.push({ field: '', message: `must have at most ${MAX_CONDITIONS} conditions` });
  if (!node) return undefined;
  return cleanKeyword === undefined ? node : { ...node, keyword: cleanKeyword };
}

function checkNode(walk: Walk, raw: unknown, path: Path, depth: number): CriteriaNode | undefined {
  if (!isObject(raw)) {
    walk.issues.push({ field: at(path), message: 'must be an object: { all: [...] }, { any: [...] } or { field, op, value }' });
    return undefined;
  }
  const join = 'all' in raw ? 'all' : 'any' in raw ? 'any' : undefined;
  if (!join) return checkCondition(walk, raw, path);
  const extra = Object.keys(raw).filter((key) => key !== join);
  if (extra.length) walk.issues.push({ field: at([...path, extra[0] as string]), message: `is not allowed beside "${join}"` });
  // Stop before descending: a hostile body nested thousands deep must not exhaust the stack.
  if (depth > MAX_CRITERIA_DEPTH) {
    walk.issues.push({ field: at(path), message: `nests groups more than ${MAX_CRITERIA_DEPTH} levels deep` });
    return undefined;
  }
  const children = raw[join];
  if (!Array.isArray(children) || children.length === 0 || children.length > MAX_CONDITIONS) {
    walk.issues.push({ field: at([...path, join]), message: `must be a list of 1 to ${MAX_CONDITIONS} conditions or groups` });
    return undefined;
  }
  const checked: CriteriaNode[] = [];
  for (const [index, child] of children.entries()) {
    if (walk.conditions > MAX_CONDITIONS) break;
    const node = checkNode(walk, child, [...path, join, index], depth + 1);
    if (node) checked.push(node);
  }
  if (checked.length !== children.length) return undefined;
  return join === 'all' ? { all: checked } : { any: checked };
}

function checkCondition(walk: Walk, raw: Record<string, unknown>, path: Path): Condition | undefined {
  walk.conditions += 1;
  const before = walk.issues.length;
  const issue = (key: string, message: string) => walk.issues.push({ field: at([...path, key]), message });
  for (const key of Object.keys(raw)) if (!['field', 'op', 'value'].includes(key)) issue(key, 'is not allowed in a condition');
  const fields = CRITERIA_FIELDS[walk.entity];
  const spec = typeof raw.field === 'string' && Object.hasOwn(fields, raw.field) ? fields[raw.field] : undefined;
  if (!spec) {
    issue('field', `must be a ${walk.entity} field: ${Object.keys(fields).join(', ')}`);
    return undefined;
  }
  const op = raw.op as CriterionOp;
  if (typeof raw.op !== 'string' || !OPS[spec.kind].includes(op)) {
    issue('op', `must be one of ${OPS[spec.kind].join(', ')} for ${String(raw.field)}`);
    return undefined;
  }
  const message = valueProblem(spec, op, raw.value);
  if (message) issue('value', message);
  return walk.issues.length === before ? { field: raw.field as string, op, value: normalizedValue(spec, op, raw.value) } : undefined;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/;

function isValidDate(value: string): boolean {
  return DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

/** What a single value of the field must be, or undefined when it is one. */
function scalarProblem(spec: FieldSpec, value: unknown): string | undefined {
  switch (spec.kind) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'a number';
    case 'date':
      return typeof value === 'string' && isValidDate(value) ? undefined : 'a date like 2026-12-31';
    case 'datetime':
      return typeof value === 'string' && (isValidDate(value) || (DATETIME.test(value) && !Number.isNaN(Date.parse(value))))
        ? undefined
        : 'a date like 2026-12-31 or a UTC time like 2026-12-31T09:00:00Z';
    case 'enum':
      return typeof value === 'string' && spec.values?.includes(value) ? undefined : `one of ${spec.values?.join(', ')}`;
    default:
      return typeof value === 'string' && value.trim().length > 0 && value.length <= 200 ? undefined : 'a text of 1 to 200 characters';
  }
}

function valueProblem(spec: FieldSpec, op: CriterionOp, value: unknown): string | undefined {
  if (op === 'exists') return typeof value === 'boolean' ? undefined : 'must be true or false';
  if (op === 'contains') return typeof value === 'string' && value.trim().length > 0 && value.length <= 100 ? undefined : 'must be a text of 1 to 100 characters';
  if (op === 'in') {
    const each = Array.isArray(value) && value.length > 0 && value.length <= MAX_IN_VALUES ? value.map((item) => scalarProblem(spec, item)).find(Boolean) : 'x';
    return each ? `must be a list of 1 to ${MAX_IN_VALUES} values, each ${scalarProblem(spec, undefined) ?? 'valid'}` : undefined;
  }
  if (op === 'between') {
    if (!Array.isArray(value) || value.length !== 2) return 'must be [from, to]';
    const problem = value.map((item) => scalarProblem(spec, item)).find(Boolean);
    if (problem) return `must be [from, to], each ${problem}`;
    return (value[0] as Scalar) > (value[1] as Scalar) ? 'must be [from, to] with from not after to' : undefined;
  }
  const problem = scalarProblem(spec, value);
  return problem ? `must be ${problem}` : undefined;
}

/** The checked value in the form the store compares: UTC times as the store writes them (with milliseconds). */
function normalizedValue(spec: FieldSpec, op: CriterionOp, value: unknown): Condition['value'] {
  const one = (item: unknown): Scalar => (spec.kind === 'datetime' && typeof item === 'string' && !DATE.test(item) ? new Date(item).toISOString() : (item as Scalar));
  if (typeof value === 'boolean') return value;
  return Array.isArray(value) ? value.map(one) : one(value);
}
