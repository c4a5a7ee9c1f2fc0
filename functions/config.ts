/**
 * The environment, parsed and validated once. The same variables configure Azure (app settings)
 * and the local default stack (set by local/start.ts); nothing else reads process.env.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../shared/domain/errors';

const Env = z.object({
  COSMOS_ENDPOINT: z.url({ message: 'must be the account URL, e.g. https://myaccount.documents.azure.com:443/' }),
  COSMOS_KEY: z.string().min(1, { message: 'is required (the account key)' }),
  /** PEM of a CA to trust for the local Cosmos stand-in only; never set in Azure. */
  COSMOS_CA_CERT_PATH: z.string().optional(),
  COSMOS_DATABASE: z.string().regex(/^[A-Za-z0-9_-]{1,255}$/).default('crm'),
  AzureWebJobsStorage: z.string().min(1, { message: 'is required (a storage connection string)' }),
  AUTH_JWKS_URI: z.url(),
  AUTH_ISSUER_TEMPLATE: z.string().includes('{tenantid}', { message: 'must contain {tenantid}' }),
  AUTH_AUDIENCE: z.string().min(1),
  AUTH_REQUIRED_SCOPE: z.string().min(1).default('access_as_user'),
  AUTH_ALLOWED_TENANTS: z.string().optional(),
  HTTP_MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(256 * 1024),
  APP_VERSION: z.string().default('0.1.0'),
});

export interface AppConfig {
  cosmos: { endpoint: string; key: string; caCertPem?: string; databaseId: string };
  storage: { connectionString: string };
  auth: { jwksUri: string; issuerTemplate: string; audience: string; requiredScope: string; allowedTenants?: string[] };
  http: { maxBodyBytes: number };
  version: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new AppError('INTERNAL', `The app settings are incomplete:\n  ${lines.join('\n  ')}\nSee README.md, "Point it at Azure".`);
  }
  const e = parsed.data;
  return {
    cosmos: {
      endpoint: e.COSMOS_ENDPOINT,
      key: e.COSMOS_KEY,
      caCertPem: e.COSMOS_CA_CERT_PATH ? readFileSync(e.COSMOS_CA_CERT_PATH, 'utf8') : undefined,
      databaseId: e.COSMOS_DATABASE,
    },
    storage: { connectionString: e.AzureWebJobsStorage },
    auth: {
      jwksUri: e.AUTH_JWKS_URI,
      issuerTemplate: e.AUTH_ISSUER_TEMPLATE,
      audience: e.AUTH_AUDIENCE,
      requiredScope: e.AUTH_REQUIRED_SCOPE,
      allowedTenants: e.AUTH_ALLOWED_TENANTS?.split(',').map((tenant) => tenant.trim()).filter(Boolean),
    },
    http: { maxBodyBytes: e.HTTP_MAX_BODY_BYTES },
    version: e.APP_VERSION,
  };
}
