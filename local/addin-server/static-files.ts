/**
 * Files of a built folder, safely: a URL path resolves only to a regular file inside the folder
 * (no `..`, no dotfiles, no symlink out of it), with its content type and cache policy. Encoded
 * bytes are kept in memory per file version, so gzip runs once per build, not once per request.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};
/** webpack's `[name].[contenthash].js`: the name changes with the content, so it may be cached for good. */
const HASHED_ASSET = /\.[0-9a-f]{8,32}\.(?:js|mjs|css|woff2?|png|svg|jpe?g|gif|webp)$/i;
const MIN_GZIP_BYTES = 256;
const CACHE_ENTRIES = 300;

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export function cacheControlOf(file: string): string {
  return HASHED_ASSET.test(path.basename(file)) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

export function isCompressible(contentType: string): boolean {
  return /^(text\/|application\/(json|javascript|xml|manifest\+json)|image\/svg\+xml)/.test(contentType);
}

/** `Accept-Encoding` lists gzip (or `*`) without `q=0`. */
export function acceptsGzip(header: string | undefined): boolean {
  return (header ?? '').split(',').some((entry) => {
    const [coding = '', ...params] = entry.split(';').map((part) => part.trim().toLowerCase());
    const zero = params.some((param) => /^q=0(\.0*)?$/.test(param));
    return (coding === 'gzip' || coding === '*') && !zero;
  });
}

export type Resolved = { kind: 'file'; file: string; size: number; mtimeMs: number } | { kind: 'missing' } | { kind: 'bad-request' };

/** `urlPath` is the still-encoded path below the folder's mount point (no query). */
export async function resolveFile(root: string, urlPath: string): Promise<Resolved> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'bad-request' };
  }
  const segments = decoded.split(/[\\/]+/).filter((segment) => segment !== '');
  if (decoded.includes('\0') || segments.some((segment) => segment === '..' || segment.startsWith('.'))) return { kind: 'missing' };
  const realRoot = await fs.realpath(root).catch(() => undefined);
  if (!realRoot) return { kind: 'missing' };
  let candidate = path.join(realRoot, ...segments);
  try {
    let stat = await fs.stat(candidate);
    if (stat.isDirectory()) {
      candidate = path.join(candidate, 'index.html');
      stat = await fs.stat(candidate);
    }
    if (!stat.isFile()) return { kind: 'missing' };
    // A symlink inside the folder must not lead out of it.
    const real = await fs.realpath(candidate);
    if (real !== realRoot && !real.startsWith(realRoot + path.sep)) return { kind: 'missing' };
    return { kind: 'file', file: real, size: stat.size, mtimeMs: stat.mtimeMs };
  } catch {
    return { kind: 'missing' };
  }
}

export interface Encoded {
  raw: Buffer;
  gzip: Buffer | undefined;
}

/** Bytes of a file version after an optional transformation (HTML rewriting), raw and gzipped. */
export class EncodedCache {
  private readonly entries = new Map<string, Encoded>();

  async get(file: Extract<Resolved, { kind: 'file' }>, variant: string, transform: (raw: Buffer) => Buffer): Promise<Encoded> {
    const key = `${file.file}\0${file.mtimeMs}\0${file.size}\0${variant}`;
    const hit = this.entries.get(key);
    if (hit) return hit;
    const raw = transform(await fs.readFile(file.file));
    const encoded: Encoded = { raw, gzip: raw.length >= MIN_GZIP_BYTES && isCompressible(contentTypeOf(file.file)) ? await gzipAsync(raw) : undefined };
    this.entries.set(key, encoded);
    // Oldest first out: a long `npm start` with rebuilds must not keep every old version.
    while (this.entries.size > CACHE_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return encoded;
  }
}
