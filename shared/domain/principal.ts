/** Who is calling: built from a validated access token, never from anything the client sends otherwise. */
export const ROLES = ['admin', 'sales-manager', 'sales-rep', 'marketing', 'read-only'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export interface Principal {
  /** Entra tenant id (`tid`); every record is scoped to it. */
  tenantId: string;
  /** Entra object id (`oid`) of the user. */
  userId: string;
  displayName: string;
  email: string;
  roles: Role[];
  /** Delegated scopes granted to the calling app (`scp`). */
  scopes: string[];
}
