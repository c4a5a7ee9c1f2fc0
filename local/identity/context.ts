/** What the stand-in's endpoints share, and how a `{tenant}` path segment is read. */
import { DEMO_TENANTS, DEMO_USERS, findDemoTenant, type DemoUser } from './demo-directory';
import type { AuthorizationCodeStore, RefreshTokenStore } from './grant-stores';
import type { TokenIssuer } from './token-issuer';

export interface IdentityContext {
  baseUrl: string;
  audience: string;
  lifetimeSeconds: number;
  issuer: TokenIssuer;
  codes: AuthorizationCodeStore;
  refreshTokens: RefreshTokenStore;
}

/** `common`/`organizations` accept users of every tenant (multi-tenant apps); a tenant id only its own. */
export type TenantScope = { kind: 'any'; segment: string } | { kind: 'tenant'; tenantId: string };

export const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function resolveTenantScope(segment: string): TenantScope | { kind: 'unknown'; message: string } {
  const lower = segment.toLowerCase();
  if (lower === 'common' || lower === 'organizations') return { kind: 'any', segment: lower };
  if (GUID_PATTERN.test(lower) && findDemoTenant(lower) !== undefined) return { kind: 'tenant', tenantId: lower };
  const known = DEMO_TENANTS.map((tenant) => `${tenant.tenantId} (${tenant.displayName})`).join(', ');
  return { kind: 'unknown', message: `Tenant "${segment}" is not known here. Use common, organizations or one of: ${known}.` };
}

export function usersInScope(scope: TenantScope): DemoUser[] {
  return DEMO_USERS.filter((user) => scope.kind === 'any' || user.tenantId === scope.tenantId);
}

export function isInScope(user: DemoUser, scope: TenantScope): boolean {
  return scope.kind === 'any' || user.tenantId === scope.tenantId;
}
