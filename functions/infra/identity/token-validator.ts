/**
 * Validates the bearer access tokens the add-ins send and turns them into a Principal.
 * The same code serves production and the local stand-in; only the configuration differs.
 *
 * Production (Microsoft Entra ID, multi-tenant app, v2 access tokens — set
 * `accessTokenAcceptedVersion: 2` in the API's app manifest, or Entra issues v1 tokens whose
 * issuer is `https://sts.windows.net/{tid}/` and which this validator rightly rejects):
 *   jwksUri:        https://login.microsoftonline.com/common/discovery/v2.0/keys
 *   issuerTemplate: https://login.microsoftonline.com/{tenantid}/v2.0
 *   audience:       the API app registration's Application (client) ID, a GUID: v2 tokens carry it
 *                   in `aud`, not the `api://...` Application ID URI
 *   requiredScope:  access_as_user (the delegated scope the API exposes)
 *   allowedTenants: the customer tenants that bought the product (undefined only for a free-for-all)
 * Local (`npm start`): the values the identity stand-in prints when it is ready, e.g.
 *   http://127.0.0.1:7072/discovery/v2.0/keys, http://127.0.0.1:7072/{tenantid}/v2.0, api://office-crm.
 */
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { AppError } from '../../../shared/domain/errors';
import { isRole, type Principal } from '../../../shared/domain/principal';

export interface TokenValidatorConfig {
  jwksUri: string;
  /** Issuer with the `{tenantid}` placeholder, e.g. 'https://login.microsoftonline.com/{tenantid}/v2.0'. */
  issuerTemplate: string;
  audience: string;
  /** Delegated scope every token must carry in `scp`, e.g. 'access_as_user'. */
  requiredScope: string;
  /** Tenant ids allowed to call; undefined = any tenant. */
  allowedTenants?: string[];
  /** Allowed clock skew for exp/nbf; 300 s by default, as Microsoft's own middleware allows. */
  clockToleranceSeconds?: number;
}

export interface TokenValidator {
  validate(authorizationHeader: string | undefined): Promise<Principal>;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TENANT_PLACEHOLDER = '{tenantid}';

export function createTokenValidator(config: TokenValidatorConfig): TokenValidator {
  if (!config.issuerTemplate.includes(TENANT_PLACEHOLDER)) {
    throw new Error(`issuerTemplate must contain ${TENANT_PLACEHOLDER}, got "${config.issuerTemplate}"`);
  }
  // One key set per validator: keys are cached for hours and refetched at once (after a 30 s
  // cooldown) when a token names an unknown kid, which is how Entra's key rollover shows up.
  const keys = createRemoteJWKSet(new URL(config.jwksUri), { cacheMaxAge: 6 * 60 * 60 * 1000, timeoutDuration: 5000 });
  const allowedTenants = config.allowedTenants && new Set(config.allowedTenants.map((tenant) => tenant.toLowerCase()));

  return {
    async validate(authorizationHeader) {
      const token = bearerToken(authorizationHeader);
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, keys, {
          algorithms: ['RS256'],
          audience: config.audience,
          clockTolerance: config.clockToleranceSeconds ?? 300,
          requiredClaims: ['iss', 'exp', 'tid', 'oid'],
        }));
      } catch (error) {
        throw translateVerifyError(error);
      }
      const tenantId = checkIssuer(payload, config.issuerTemplate);
      if (allowedTenants !== undefined && !allowedTenants.has(tenantId)) {
        throw unauthenticated('The tenant of the access token is not allowed to use this API.');
      }
      const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ').filter((scope) => scope !== '') : [];
      if (!scopes.includes(config.requiredScope)) {
        throw unauthenticated(`The access token does not grant the ${config.requiredScope} scope.`);
      }
      return toPrincipal(payload, tenantId, scopes);
    },
  };
}

function bearerToken(header: string | undefined): string {
  if (header === undefined || header.trim() === '') {
    // RFC 6750 3.1: a request without credentials gets the challenge but no error code.
    throw new AppError('UNAUTHENTICATED', 'The request has no Authorization header; send "Bearer <access token>".', {
      headers: { 'WWW-Authenticate': 'Bearer' },
    });
  }
  const match = /^Bearer +([A-Za-z0-9\-_.~+/]+=*) *$/i.exec(header);
  if (match?.[1] === undefined) throw unauthenticated('The Authorization header must use the Bearer scheme.');
  return match[1];
}

/** Multi-tenant apps cannot pin one issuer: it must be the template filled with the token's own tid. */
function checkIssuer(payload: JWTPayload, issuerTemplate: string): string {
  const tid = payload.tid;
  if (typeof tid !== 'string' || !GUID.test(tid)) throw unauthenticated('The tid claim of the access token is not a tenant id.');
  const tenantId = tid.toLowerCase();
  if (payload.iss !== issuerTemplate.replace(TENANT_PLACEHOLDER, tid)) {
    throw unauthenticated('The access token was not issued by the expected issuer for its tenant.');
  }
  return tenantId;
}

function toPrincipal(payload: JWTPayload, tenantId: string, scopes: string[]): Principal {
  const { oid, name, preferred_username: username, email, roles } = payload;
  if (typeof oid !== 'string' || oid === '') throw unauthenticated('The oid claim of the access token is missing.');
  const mail = typeof email === 'string' ? email : typeof username === 'string' ? username : '';
  return {
    tenantId,
    userId: oid,
    displayName: typeof name === 'string' && name !== '' ? name : mail || oid,
    email: mail,
    // Roles this product does not know (other apps' or future ones) grant nothing.
    roles: Array.isArray(roles) ? roles.filter(isRole) : [],
    scopes,
  };
}

function translateVerifyError(error: unknown): AppError {
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || isKeySetUnavailable(error)) {
    return new AppError('TEMPORARY', 'The signing keys of the identity provider cannot be fetched; retry later.', {
      cause: error,
      headers: { 'Retry-After': '5' },
    });
  }
  const reason = reasonFor(error);
  if (reason === undefined) return new AppError('INTERNAL', 'The access token could not be validated.', { cause: error });
  return unauthenticated(reason, error);
}

function reasonFor(error: unknown): string | undefined {
  if (error instanceof errors.JWTExpired) return 'The access token has expired.';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === 'missing') return `The access token has no ${error.claim} claim.`;
    if (error.claim === 'aud') return 'The access token was issued for another audience.';
    if (error.claim === 'nbf') return 'The access token is not valid yet.';
    return `The ${error.claim} claim of the access token is invalid.`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return 'The access token must be signed with RS256.';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'The signature of the access token is invalid.';
  if (error instanceof errors.JWKSNoMatchingKey) return 'The access token is signed with a key the identity provider does not publish.';
  if (error instanceof errors.JWKSMultipleMatchingKeys) return 'The access token does not name its signing key (kid).';
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid || error instanceof errors.JOSENotSupported) {
    return 'The access token is not a well-formed signed JWT.';
  }
  return undefined;
}

/** jose reports a JWKS endpoint that answers badly as a plain JOSEError, and a dead one as a socket error. */
function isKeySetUnavailable(error: unknown): boolean {
  if (error instanceof errors.JOSEError) return error.code === 'ERR_JOSE_GENERIC';
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}

function unauthenticated(reason: string, cause?: unknown): AppError {
  return new AppError('UNAUTHENTICATED', reason, {
    cause,
    headers: { 'WWW-Authenticate': `Bearer error="invalid_token", error_description="${reason.replace(/["\\]/g, '')}"` },
  });
}
