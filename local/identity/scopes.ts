/**
 * Reads an OAuth `scope` parameter the way Entra ID does: resource scopes are written
 * `{audience}/{name}` (or `{audience}/.default`), OpenID Connect scopes are bare names.
 */
export const API_SCOPES = ['access_as_user'] as const;
const OIDC_SCOPES = new Set(['openid', 'profile', 'email', 'offline_access']);

export interface RequestedScopes {
  /** Scope names of the API without the resource prefix; these become the `scp` claim. */
  api: string[];
  /** OpenID Connect scopes; `openid` asks for an id token, `offline_access` for a refresh token. */
  oidc: string[];
}

export type ScopeParseResult = { ok: true; scopes: RequestedScopes } | { ok: false; description: string };

export function parseScopes(scopeParameter: string | undefined, audience: string): ScopeParseResult {
  const names = (scopeParameter ?? '').split(' ').filter((name) => name !== '');
  if (names.length === 0) {
    return { ok: false, description: `The scope parameter is required, e.g. "${audience}/access_as_user openid offline_access".` };
  }
  const api = new Set<string>();
  const oidc = new Set<string>();
  const prefix = `${audience}/`;
  for (const name of names) {
    if (OIDC_SCOPES.has(name)) {
      oidc.add(name);
    } else if (name.startsWith(prefix)) {
      const scope = name.slice(prefix.length);
      if (scope === '.default') API_SCOPES.forEach((granted) => api.add(granted));
      else if ((API_SCOPES as readonly string[]).includes(scope)) api.add(scope);
      else return { ok: false, description: `The API ${audience} has no scope "${scope}"; it offers: ${API_SCOPES.join(', ')}.` };
    } else {
      return {
        ok: false,
        description: `The scope "${name}" is not served here: request ${audience}/<scope> or the OpenID Connect scopes (${[...OIDC_SCOPES].join(', ')}).`,
      };
    }
  }
  return { ok: true, scopes: { api: [...api], oidc: [...oidc] } };
}

/** The `scope` value of a token response: what was granted, resource scopes fully qualified. */
export function formatScopes(scopes: RequestedScopes, audience: string): string {
  return [...scopes.api.map((name) => `${audience}/${name}`), ...scopes.oidc].join(' ');
}
