/**
 * The stand-in's RSA signing key. With a data directory it is kept on disk, so tokens issued
 * before a restart still validate after it (a restart of `npm start` must not sign everyone out).
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type JsonWebKey, type KeyObject } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { calculateJwkThumbprint } from 'jose';
import { z } from 'zod';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  /** The public half as published in the JWKS. */
  publicJwk: JsonWebKey & { kid: string; use: 'sig'; alg: 'RS256' };
}

const KEY_FILE = 'signing-key.json';

const storedKeySchema = z.object({
  kid: z.string().min(1),
  jwk: z.looseObject({ kty: z.literal('RSA'), d: z.string() }),
});
type StoredKey = z.infer<typeof storedKeySchema>;

/** Loads the key persisted in `dataDir`, creating it on first use; memory only without `dataDir`. */
export async function loadOrCreateSigningKey(dataDir?: string): Promise<SigningKey> {
  if (dataDir === undefined) return createSigningKey();
  const file = path.join(dataDir, KEY_FILE);
  const stored = await readStoredKey(file);
  if (stored !== undefined) return fromStored(stored);
  const key = await createSigningKey();
  await mkdir(dataDir, { recursive: true });
  const content = { kid: key.kid, jwk: key.privateKey.export({ format: 'jwk' }) };
  // Write then rename, so a crash mid-write never leaves a half key that blocks the next start.
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(content), { mode: 0o600 });
  await rename(temporary, file);
  return key;
}

async function readStoredKey(file: string): Promise<StoredKey | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const parsed = storedKeySchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new Error(`${file} is not a signing key written by the identity stand-in; delete it to create a new key`);
  }
  return parsed.data;
}

function fromStored(stored: StoredKey): SigningKey {
  const privateKey = createPrivateKey({ key: stored.jwk, format: 'jwk' });
  return withPublicJwk(stored.kid, privateKey);
}

async function createSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicJwk = publicKey.export({ format: 'jwk' });
  // The RFC 7638 thumbprint makes a stable, unique kid without extra bookkeeping.
  const kid = await calculateJwkThumbprint({ kty: 'RSA', n: publicJwk.n, e: publicJwk.e });
  return withPublicJwk(kid, privateKey);
}

function withPublicJwk(kid: string, privateKey: KeyObject): SigningKey {
  const { kty, n, e } = createPublicKey(privateKey).export({ format: 'jwk' });
  return { kid, privateKey, publicJwk: { kty, n, e, kid, use: 'sig', alg: 'RS256' } };
}
