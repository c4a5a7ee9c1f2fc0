/**
 * Matches request paths against Azure Functions route templates with the host's precedence:
 * a literal segment beats a parameter, a parameter beats a catch-all (`accounts/search` wins
 * over `accounts/{id}`, which wins over `{*path}`), whatever order the table lists them in.
 */
type Segment = { kind: 'literal'; value: string } | { kind: 'param'; name: string } | { kind: 'catchAll'; name: string };

interface CompiledRoute<T> {
  segments: Segment[];
  target: T;
}

function compile(template: string): Segment[] {
  return template
    .split('/')
    .filter(Boolean)
    .map((part): Segment => {
      const catchAll = /^\{\*([A-Za-z0-9_]+)\}$/.exec(part);
      if (catchAll?.[1]) return { kind: 'catchAll', name: catchAll[1] };
      const param = /^\{([A-Za-z0-9_]+)(?::[^}]*)?\??\}$/.exec(part);
      if (param?.[1]) return { kind: 'param', name: param[1] };
      return { kind: 'literal', value: part.toLowerCase() };
    });
}

const RANK: Record<Segment['kind'], number> = { literal: 0, param: 1, catchAll: 2 };

function compareSpecificity(a: Segment[], b: Segment[]): number {
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
    const left = a[index];
    const right = b[index];
    if (!left || !right) return left ? -1 : 1; // longer (more specific) first
    const difference = RANK[left.kind] - RANK[right.kind];
    if (difference !== 0) return difference;
  }
  return 0;
}

export class RouteMatcher<T> {
  private readonly routes: Array<CompiledRoute<T>>;

  constructor(entries: Array<{ template: string; target: T }>) {
    this.routes = entries
      .map((entry) => ({ segments: compile(entry.template), target: entry.target }))
      .sort((a, b) => compareSpecificity(a.segments, b.segments));
  }

  match(path: string): { target: T; params: Record<string, string> } | undefined {
    const parts = path.split('/').filter(Boolean);
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts);
      if (params) return { target: route.target, params };
    }
    return undefined;
  }
}

function matchSegments(segments: Segment[], parts: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let index = 0; index < segments.length; index += 1) {
    const segment = segments[index] as Segment;
    if (segment.kind === 'catchAll') {
      params[segment.name] = parts.slice(index).map(safeDecode).join('/');
      return params;
    }
    const part = parts[index];
    if (part === undefined) return undefined;
    if (segment.kind === 'literal' && segment.value !== part.toLowerCase()) return undefined;
    if (segment.kind === 'param') params[segment.name] = safeDecode(part);
  }
  return parts.length === segments.length ? params : undefined;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part; // a malformed escape is passed on as typed; validation rejects it
  }
}
