/**
 * The tenant's user directory: who has signed in, by id, so cards can show an owner's name
 * instead of a GUID until Microsoft Graph is wired. Filled as users authenticate (and by the
 * demo seed); one list per tenant, capped so it stays one small document.
 */

export interface DirectoryUser {
  /** Entra object id (`oid`). */
  userId: string;
  displayName: string;
  email: string;
}

export interface DirectoryEntry extends DirectoryUser {
  /** When the entry was last written (first sign-in, a changed name or e-mail, or a refresh). ISO UTC. */
  lastSeenAt: string;
}

export const USER_DIRECTORY_LIMITS = {
  /** Entries kept per tenant; past it, those seen longest ago go first. */
  maxEntries: 5_000,
  /** UTF-8 bytes of the entries: a Cosmos item holds 2 MB, and long names must not push it over. */
  maxBytes: 1_500_000,
  /**
   * An unchanged user is written again only this long after their last write, so the cap drops
   * people who stopped signing in rather than long-standing users (at most one write a month each).
   */
  refreshAfterMs: 30 * 86_400_000,
} as const;

export type DirectoryLimits = { [K in keyof typeof USER_DIRECTORY_LIMITS]: number };

/** What must change before a known user is written again. */
export function directoryFingerprint(user: DirectoryUser): string {
  return `${user.displayName}\u0000${user.email}`;
}

const encoder = new TextEncoder();
/** The entry's share of the array's JSON: itself and a comma (the spare comma pays for one bracket). */
const sizeOf = (entry: DirectoryEntry) => encoder.encode(JSON.stringify(entry)).length + 1;

/**
 * The directory after `user` was seen at `seenAt`, or null when it needs no write: the user is
 * listed with the same name and e-mail and was written less than `refreshAfterMs` ago.
 * The user just seen is always kept; others are dropped, least recently seen first, beyond the cap.
 */
export function withUserSeen(entries: readonly DirectoryEntry[], user: DirectoryUser, seenAt: Date, limits: DirectoryLimits = USER_DIRECTORY_LIMITS): DirectoryEntry[] | null {
  const known = entries.find((entry) => entry.userId === user.userId);
  const fresh = known !== undefined && seenAt.getTime() - Date.parse(known.lastSeenAt) < limits.refreshAfterMs;
  if (known && fresh && directoryFingerprint(known) === directoryFingerprint(user)) return null;
  const seen: DirectoryEntry = { userId: user.userId, displayName: user.displayName, email: user.email, lastSeenAt: seenAt.toISOString() };
  const others = entries.filter((entry) => entry.userId !== user.userId).sort((a, b) => b.lastSeenAt.localeCompare(a.lastSeenAt) || a.userId.localeCompare(b.userId));
  const kept = [seen];
  let bytes = 1 + sizeOf(seen);
  for (const entry of others) {
    bytes += sizeOf(entry);
    if (kept.length >= limits.maxEntries || bytes > limits.maxBytes) break;
    kept.push(entry);
  }
  return kept;
}

/**
 * Display names by user id. A name that is only the id (a token without a name or e-mail) says
 * nothing more than the id, so it is left out.
 */
export function directoryNames(entries: readonly DirectoryEntry[]): Map<string, string> {
  return new Map(entries.filter((entry) => entry.displayName !== '' && entry.displayName !== entry.userId).map((entry) => [entry.userId, entry.displayName]));
}

export interface UserDirectory {
  /**
   * Records that the user signed in. Resolves true when it wrote, false when the directory
   * already had them; rejects when the store fails (callers decide whether that matters).
   */
  record(tenantId: string, user: DirectoryUser): Promise<boolean>;
  /** Display names by user id: one read of the tenant's directory, cached briefly. */
  names(tenantId: string): Promise<ReadonlyMap<string, string>>;
}
