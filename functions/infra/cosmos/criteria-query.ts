/**
 * Compiles checked criteria (shared/domain/group-criteria.ts) to Cosmos SQL clauses. Pure: the
 * SQL text is built only from whitelisted field paths and operators; every value the user gave
 * travels as a parameter. Only functions the local server also runs are used (no LIKE, no
 * 3-argument CONTAINS, no StringEquals): text compares through LOWER().
 */
import type { SqlParameter } from '@azure/cosmos';
import {
  CRITERIA_FIELDS,
  criteriaTree,
  type Condition,
  type Criteria,
  type CriteriaNode,
  type FieldSpec,
  type GroupEntity,
  type Scalar,
} from '../../../shared/domain/group-criteria';
import { searchTokens } from '../../../shared/domain/text-normalization';
import type { QueryClause } from './record-store';

/** Hands out parameter names that cannot meet the record store's own (@tenantId, @after, @visibleOwners). */
class Parameters {
  readonly list: SqlParameter[] = [];

  add(value: SqlParameter['value']): string {
    const name = `@g${this.list.length}`;
    this.list.push({ name, value });
    return name;
  }
}

const OPERATORS = { eq: '=', ne: '!=', gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

/** The document path of a whitelisted field: `address.city` → `c.address.city`. */
function pathOf(field: string): string {
  return `c.${field}`;
}

export function compileCriteria(entity: GroupEntity, criteria: Criteria): QueryClause[] {
  const parameters = new Parameters();
  const clauses: string[] = [];
  for (const token of criteria.keyword ? searchTokens(criteria.keyword) : []) clauses.push(`CONTAINS(c.searchText, ${parameters.add(token)})`);
  const tree = criteriaTree(criteria);
  if (tree) clauses.push(compileNode(entity, tree, parameters));
  return clauses.length ? [{ sql: clauses.join(' AND '), parameters: parameters.list }] : [];
}

function compileNode(entity: GroupEntity, node: CriteriaNode, parameters: Parameters): string {
  if ('all' in node) return `(${node.all.map((child) => compileNode(entity, child, parameters)).join(' AND ')})`;
  if ('any' in node) return `(${node.any.map((child) => compileNode(entity, child, parameters)).join(' OR ')})`;
  const spec = CRITERIA_FIELDS[entity][node.field];
  // The domain check refuses unknown fields first; this guards the SQL text if it ever did not.
  if (!spec) throw new Error(`Criteria field ${node.field} is not whitelisted for ${entity}.`);
  return spec.kind === 'emails' ? compileEmails(node, parameters) : compileCondition(spec, node, parameters);
}

function compileCondition(spec: FieldSpec, condition: Condition, parameters: Parameters): string {
  const path = pathOf(condition.field);
  const present = `(IS_DEFINED(${path}) AND NOT IS_NULL(${path}))`;
  const text = spec.kind === 'text';
  // Text compares ignoring case: both sides lower-cased (the value here, the field in SQL).
  const subject = text ? `LOWER(${path})` : path;
  const value = (item: Scalar) => (text && typeof item === 'string' ? item.toLowerCase() : item);
  const { op } = condition;
  if (op === 'exists') return condition.value === true ? present : `NOT ${present}`;
  if (op === 'in') return `ARRAY_CONTAINS(${parameters.add((condition.value as Scalar[]).map(value))}, ${subject})`;
  if (op === 'contains') return `CONTAINS(${subject}, ${parameters.add(value(condition.value as string))})`;
  if (op === 'between') {
    const [from, to] = condition.value as Scalar[];
    return `(${subject} >= ${parameters.add(dayStart(spec, from as Scalar))} AND ${subject} <= ${parameters.add(dayEnd(spec, to as Scalar))})`;
  }
  const scalar = value(condition.value as Scalar);
  if (op === 'ne') return `(NOT ${present} OR ${subject} != ${parameters.add(scalar)})`;
  const bound = op === 'lte' || op === 'gt' ? dayEnd(spec, scalar) : dayStart(spec, scalar);
  return `${subject} ${OPERATORS[op]} ${parameters.add(bound)}`;
}

/** Any of the contact's addresses; addresses are stored lower case. */
function compileEmails(condition: Condition, parameters: Parameters): string {
  if (condition.op === 'exists') return condition.value === true ? 'ARRAY_LENGTH(c.emails) > 0' : '(NOT IS_DEFINED(c.emails) OR ARRAY_LENGTH(c.emails) = 0)';
  const address = String(condition.value).trim().toLowerCase();
  const test = condition.op === 'eq' ? `e.address = ${parameters.add(address)}` : `CONTAINS(e.address, ${parameters.add(address)})`;
  return `EXISTS(SELECT VALUE e FROM e IN c.emails WHERE ${test})`;
}

/** A date alone on a time field means the whole day (UTC): from its first instant to its last. */
function dayStart(spec: FieldSpec, value: Scalar): Scalar {
  return spec.kind === 'datetime' && typeof value === 'string' && value.length === 10 ? `${value}T00:00:00.000Z` : value;
}

function dayEnd(spec: FieldSpec, value: Scalar): Scalar {
  return spec.kind === 'datetime' && typeof value === 'string' && value.length === 10 ? `${value}T23:59:59.999Z` : value;
}
