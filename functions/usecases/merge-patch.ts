/**
 * JSON merge-patch (RFC 7396) over a flat record: a field absent from the patch stays, `null`
 * removes it, anything else replaces it.
 */
export function applyMergePatch<T extends object>(record: T, patch: Record<string, unknown>): T {
  const next: Record<string, unknown> = { ...(record as Record<string, unknown>) };
  for (const [field, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null) delete next[field];
    else next[field] = value;
  }
  return next as T;
}
