/**
 * The TLS certificate of the local Cosmos server. The server's bundled certificate expired in
 * 2021, so we make our own: self-signed, valid for localhost and 127.0.0.1, and handed to
 * clients as the one CA they trust (never by turning TLS verification off).
 */
import { X509Certificate } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { generate } from 'selfsigned';

export interface ServerCertificate {
  certPem: string;
  keyPem: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const VALID_DAYS = 825;
/** Regenerate a persisted certificate this long before it expires, so a long-lived dev box never trips on it. */
const RENEW_BEFORE_DAYS = 30;
const REQUIRED_NAMES = ['DNS:localhost', 'IP Address:127.0.0.1'];

export const CERT_FILE = 'cert.pem';
const KEY_FILE = 'key.pem';

export async function generateCertificate(): Promise<ServerCertificate> {
  // Backdated by a day so a client whose clock lags a little still accepts it.
  const notBeforeDate = new Date(Date.now() - DAY_MS);
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate: new Date(notBeforeDate.getTime() + VALID_DAYS * DAY_MS),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  return { certPem: pems.cert, keyPem: pems.private };
}

/** Whether a persisted certificate can still serve: readable, in date with margin, naming both loopback names. */
export function isUsable(certPem: string, now = Date.now()): boolean {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(certPem);
  } catch {
    return false; // damaged: a new one costs nothing, clients read the file at start
  }
  const names = cert.subjectAltName ?? '';
  return (
    Date.parse(cert.validFrom) <= now &&
    Date.parse(cert.validTo) - RENEW_BEFORE_DAYS * DAY_MS > now &&
    REQUIRED_NAMES.every((name) => names.includes(name))
  );
}

/** Reuses `<dataDir>/cert.pem` + `key.pem` across restarts, so processes that trust it keep working. */
export async function loadOrCreateCertificate(dataDir: string): Promise<ServerCertificate> {
  const certPath = path.join(dataDir, CERT_FILE);
  const keyPath = path.join(dataDir, KEY_FILE);
  const existing = await readPair(certPath, keyPath);
  if (existing && isUsable(existing.certPem)) return existing;
  const fresh = await generateCertificate();
  await fs.writeFile(keyPath, fresh.keyPem, { mode: 0o600 });
  await fs.writeFile(certPath, fresh.certPem);
  return fresh;
}

async function readPair(certPath: string, keyPath: string): Promise<ServerCertificate | undefined> {
  try {
    const [certPem, keyPem] = await Promise.all([fs.readFile(certPath, 'utf8'), fs.readFile(keyPath, 'utf8')]);
    return { certPem, keyPem };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
