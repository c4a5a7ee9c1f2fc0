/**
 * In-memory stores of authorization codes and refresh tokens. Codes are single-use and
 * short-lived; refresh tokens live for a day, as Entra ID's do for single-page apps.
 * Both are lost on restart: clients then sign in again, which is what Entra would demand too
 * after a revocation.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { RequestedScopes } from './scopes';

export interface Grant {
  username: string;
  clientId: string;
  scopes: RequestedScopes;
}

export interface CodeGrant extends Grant {
  redirectUri: string;
  codeChallenge: string;
  nonce?: string;
}

const CODE_LIFETIME_MS = 2 * 60 * 1000;
const REFRESH_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** A store of opaque handles with an expiry; expired entries are dropped as they are met. */
class ExpiringStore<T> {
  private readonly entries = new Map<string, { value: T; expiresAt: number }>();

  constructor(private readonly lifetimeMs: number) {}

  add(value: T): string {
    this.prune();
    const handle = randomBytes(32).toString('base64url');
    this.entries.set(handle, { value, expiresAt: Date.now() + this.lifetimeMs });
    return handle;
  }

  get(handle: string): T | undefined {
    const entry = this.entries.get(handle);
    if (entry === undefined || entry.expiresAt <= Date.now()) return undefined;
    return entry.value;
  }

  delete(handle: string): void {
    this.entries.delete(handle);
  }

  private prune(): void {
    const now = Date.now();
    for (const [handle, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(handle);
  }
}

export class AuthorizationCodeStore {
  private readonly store = new ExpiringStore<CodeGrant>(CODE_LIFETIME_MS);

  issue(grant: CodeGrant): string {
    return this.store.add(grant);
  }

  /** Returns the grant at most once: any redemption attempt, even a failing one, burns the code. */
  redeem(code: string): CodeGrant | undefined {
    const grant = this.store.get(code);
    this.store.delete(code);
    return grant;
  }
}

export class RefreshTokenStore {
  private readonly store = new ExpiringStore<Grant>(REFRESH_LIFETIME_MS);

  issue(grant: Grant): string {
    return this.store.add(grant);
  }

  find(token: string): Grant | undefined {
    return this.store.get(token);
  }
}

/** RFC 7636: a verifier is 43 to 128 unreserved characters; S256 is the only method accepted. */
export function isValidCodeVerifier(verifier: string): boolean {
  return /^[A-Za-z0-9\-._~]{43,128}$/.test(verifier);
}

export function verifyPkce(verifier: string, challenge: string): boolean {
  if (!isValidCodeVerifier(verifier)) return false;
  const computed = Buffer.from(createHash('sha256').update(verifier).digest('base64url'));
  const expected = Buffer.from(challenge);
  return computed.length === expected.length && timingSafeEqual(computed, expected);
}
