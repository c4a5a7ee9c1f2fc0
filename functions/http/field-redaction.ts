/**
 * Field-level security at the edge, for every endpoint at once: responses are walked together
 * with their schema and each record the schema marks (shared/contracts/record-schemas.ts) loses
 * the fields the caller may not see; a write naming a field the caller may not set is refused.
 */
import type { z } from 'zod';
import { RECORD_SCHEMA_ENTITY, WRITE_SCHEMA_ENTITY } from '../../shared/contracts/record-schemas';
import { AppError, type FieldIssue } from '../../shared/domain/errors';
import { redactRecord, type FieldPolicy } from '../../shared/domain/field-security';

/** The parts of zod's schema definition the walk needs. */
interface SchemaDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  valueType?: z.ZodType;
}

function defOf(schema: z.ZodType): SchemaDef {
  return (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
}

function schemaId(schema: z.ZodType): string | undefined {
  const meta = schema.meta();
  return typeof meta?.id === 'string' ? meta.id : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function redactBySchema(schema: z.ZodType, value: unknown, policy: FieldPolicy): unknown {
  const id = schemaId(schema);
  const entity = id ? RECORD_SCHEMA_ENTITY[id] : undefined;
  const current = entity && isObject(value) ? redactRecord(policy, entity, value) : value;
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      if (!isObject(current) || !def.shape) return current;
      return Object.fromEntries(Object.entries(current).map(([key, item]) => [key, def.shape?.[key] ? redactBySchema(def.shape[key], item, policy) : item]));
    case 'array':
      return Array.isArray(current) && def.element ? current.map((item) => redactBySchema(def.element as z.ZodType, item, policy)) : current;
    case 'record':
      return isObject(current) && def.valueType ? Object.fromEntries(Object.entries(current).map(([key, item]) => [key, redactBySchema(def.valueType as z.ZodType, item, policy)])) : current;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return current === null || current === undefined || !def.innerType ? current : redactBySchema(def.innerType, current, policy);
    case 'pipe':
      return def.out ? redactBySchema(def.out, current, policy) : current;
    case 'union': {
      const option = def.options?.find((candidate) => candidate.safeParse(current).success);
      return option ? redactBySchema(option, current, policy) : current;
    }
    default:
      return current;
  }
}

/**
 * The fields a body sets that the caller may not change, wherever a registered write schema
 * appears in it: at the top (`margin`) or nested, as a conversion creates several records at
 * once (`opportunity.create.margin`). Walks the raw input, so defaults never count as set.
 */
function lockedFieldIssues(schema: z.ZodType, raw: unknown, policy: FieldPolicy, path: string[]): FieldIssue[] {
  const id = schemaId(schema);
  const entity = id ? WRITE_SCHEMA_ENTITY[id] : undefined;
  const here: FieldIssue[] = [];
  if (entity && isObject(raw)) {
    const locked = policy.locked(entity);
    for (const field of Object.keys(raw)) {
      if (locked.has(field)) here.push({ field: [...path, field].join('.'), message: 'your role may not change this field' });
    }
  }
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      if (!isObject(raw) || !def.shape) return here;
      return [...here, ...Object.entries(raw).flatMap(([key, value]) => (def.shape?.[key] ? lockedFieldIssues(def.shape[key], value, policy, [...path, key]) : []))];
    case 'array':
      return Array.isArray(raw) && def.element ? [...here, ...raw.flatMap((item, index) => lockedFieldIssues(def.element as z.ZodType, item, policy, [...path, String(index)]))] : here;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return raw === null || raw === undefined || !def.innerType ? here : [...here, ...lockedFieldIssues(def.innerType, raw, policy, path)];
    case 'pipe':
      return def.in ? [...here, ...lockedFieldIssues(def.in, raw, policy, path)] : here;
    case 'union': {
      const option = def.options?.find((candidate) => candidate.safeParse(raw).success);
      return option ? [...here, ...lockedFieldIssues(option, raw, policy, path)] : here;
    }
    default:
      return here;
  }
}

/** Refuses a body that sets a field the caller may not change, naming each such field. */
export function assertWritableFields(bodySchema: z.ZodType, rawBody: unknown, policy: FieldPolicy): void {
  const issues = lockedFieldIssues(bodySchema, rawBody, policy, []);
  if (issues.length) {
    throw new AppError('FORBIDDEN', `Your role may not set ${issues.map((issue) => issue.field).join(', ')}.`, { issues });
  }
}
