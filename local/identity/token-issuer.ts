/**
 * Signs access and id tokens shaped like Microsoft Entra ID v2 tokens, so the functions'
 * validator and the add-ins' sign-in code cannot tell the stand-in from the real service.
 */
import { createHash, randomBytes } from 'node:crypto';
import { SignJWT, type JWTPayload } from 'jose';
import type { DemoUser } from './demo-directory';
import type { SigningKey } from './signing-key';

export interface TokenIssuerSettings {
  key: SigningKey;
  issuerFor(tenantId: string): string;
  audience: string;
  lifetimeSeconds: number;
}

export interface AccessTokenRequest {
  user: DemoUser;
  clientId: string;
  /** Scope names without the resource prefix, e.g. `access_as_user`. */
  scopes: string[];
  audience?: string;
  lifetimeSeconds?: number;
  /** Start of validity (`iat` and `nbf`); now by default. A past date with a short lifetime yields an expired token. */
  notBefore?: Date;
}

export interface IdTokenRequest {
  user: DemoUser;
  clientId: string;
  nonce?: string;
}

export interface TokenIssuer {
  accessToken(request: AccessTokenRequest): Promise<string>;
  idToken(request: IdTokenRequest): Promise<string>;
}

export function createTokenIssuer(settings: TokenIssuerSettings): TokenIssuer {
  const sign = (claims: JWTPayload, notBefore: Date | undefined, lifetimeSeconds: number): Promise<string> => {
    const start = Math.floor((notBefore ?? new Date()).getTime() / 1000);
    return new SignJWT({ ...claims, iat: start, nbf: start, exp: start + lifetimeSeconds })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: settings.key.kid })
      .sign(settings.key.privateKey);
  };

  return {
    accessToken(request) {
      const audience = request.audience ?? settings.audience;
      const { user } = request;
      const claims: JWTPayload = {
        aud: audience,
        iss: settings.issuerFor(user.tenantId),
        tid: user.tenantId,
        oid: user.userId,
        sub: pairwiseSubject(user.userId, audience),
        name: user.displayName,
        preferred_username: user.email,
        azp: request.clientId,
        azpacr: '0',
        scp: request.scopes.join(' '),
        uti: randomBytes(16).toString('base64url'),
        ver: '2.0',
      };
      // Entra ID leaves the claim out when no app role is assigned; do the same.
      if (user.roles.length > 0) claims.roles = [...user.roles];
      return sign(claims, request.notBefore, request.lifetimeSeconds ?? settings.lifetimeSeconds);
    },

    idToken({ user, clientId, nonce }) {
      const claims: JWTPayload = {
        aud: clientId,
        iss: settings.issuerFor(user.tenantId),
        tid: user.tenantId,
        oid: user.userId,
        sub: pairwiseSubject(user.userId, clientId),
        name: user.displayName,
        preferred_username: user.email,
        email: user.email,
        ver: '2.0',
      };
      if (nonce !== undefined) claims.nonce = nonce;
      return sign(claims, undefined, settings.lifetimeSeconds);
    },
  };
}

/** Entra's `sub` differs per application for the same user; `oid` is the stable user id. */
function pairwiseSubject(userId: string, application: string): string {
  return createHash('sha256').update(`${userId}|${application}`).digest('base64url');
}
