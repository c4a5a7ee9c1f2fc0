/** Who is signed in, from the access token's claims (read for display; the API verifies it). */
export interface SignedInUser {
  userId: string;
  tenantId: string;
  name: string;
  username: string;
  roles: string[];
}

export interface TokenSource {
  /** A valid access token without showing anything, or null when the user must sign in. */
  silentToken(): Promise<string | null>;
  /** Shows the sign-in (must run from a click); resolves with a token. */
  interactiveToken(): Promise<string>;
  /** After a 401: the token is not accepted any more, get a new one silently if possible. */
  invalidate(): void;
  signOut(): Promise<void>;
}

function base64UrlDecode(part: string): string {
  const padded = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

export function claimsOf(token: string): Record<string, unknown> {
  const payload = token.split('.')[1];
  if (!payload) return {};
  try {
    const parsed: unknown = JSON.parse(base64UrlDecode(payload));
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function userOf(token: string): SignedInUser {
  const claims = claimsOf(token);
  const str = (key: string) => (typeof claims[key] === 'string' ? (claims[key] as string) : '');
  return {
    userId: str('oid'),
    tenantId: str('tid'),
    name: str('name') || str('preferred_username'),
    username: str('preferred_username'),
    roles: Array.isArray(claims.roles) ? claims.roles.filter((r): r is string => typeof r === 'string') : [],
  };
}

/** Seconds since the epoch when the token expires (0 when unreadable). */
export function expiryOf(token: string): number {
  const exp = claimsOf(token).exp;
  return typeof exp === 'number' ? exp : 0;
}
