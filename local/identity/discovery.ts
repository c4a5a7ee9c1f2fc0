/** The OpenID Provider metadata document, with the fields Entra ID v2 publishes that clients read. */
import type { TenantScope } from './context';

export function openIdConfiguration(baseUrl: string, scope: TenantScope): Record<string, unknown> {
  // Entra writes the literal `{tenantid}` in the issuer of the multi-tenant documents.
  const pathTenant = scope.kind === 'tenant' ? scope.tenantId : scope.segment;
  const issuerTenant = scope.kind === 'tenant' ? scope.tenantId : '{tenantid}';
  return {
    issuer: `${baseUrl}/${issuerTenant}/v2.0`,
    authorization_endpoint: `${baseUrl}/${pathTenant}/oauth2/v2.0/authorize`,
    token_endpoint: `${baseUrl}/${pathTenant}/oauth2/v2.0/token`,
    end_session_endpoint: `${baseUrl}/${pathTenant}/oauth2/v2.0/logout`,
    jwks_uri: `${baseUrl}/discovery/v2.0/keys`,
    response_types_supported: ['code'],
    response_modes_supported: ['query', 'fragment'],
    grant_types_supported: ['authorization_code', 'refresh_token', 'password'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['none'],
    code_challenge_methods_supported: ['S256'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nbf', 'name', 'nonce', 'oid', 'preferred_username', 'email', 'tid', 'ver', 'roles', 'scp'],
    request_uri_parameter_supported: false,
    tenant_region_scope: null,
    cloud_instance_name: 'local',
  };
}
