/**
 * Ports and paths of the local default stack. One place, so `npm start`, the token script,
 * the benchmarks and the README agree. Every port can be overridden by its environment variable.
 */
import path from 'node:path';

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0 || value > 65535) {
    throw new Error(`${name} must be a TCP port number, got "${raw}"`);
  }
  return value;
}

export const LOCAL_HOST = '127.0.0.1';

export const localPorts = {
  functions: port('FUNCTIONS_PORT', 7071),
  identity: port('IDENTITY_PORT', 7072),
  cosmos: port('COSMOS_PORT', 8081),
  blob: port('AZURITE_BLOB_PORT', 10000),
  queue: port('AZURITE_QUEUE_PORT', 10001),
  addins: port('ADDIN_PORT', 3000),
};

/** Git-ignored folder holding every stand-in's state between runs. */
export const LOCAL_DATA_DIR = path.resolve(process.env.LOCAL_DATA_DIR ?? path.join(__dirname, '..', '.data'));
