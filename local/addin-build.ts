/**
 * `npm start` serves the built add-ins. On a fresh clone, or when a source file is newer than the
 * build, it builds them first (webpack, about half a minute) so the preview never shows stale code.
 */
import { spawn } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
export const ADDIN_DIST = path.join(ROOT, 'dist', 'addin');
export const PREVIEW_DIST = path.join(ROOT, 'dist', 'preview');
const SOURCES = ['addin', 'shared', 'local/office-preview', 'manifest.xml', 'webpack.config.js', 'package.json'];
/** Written by webpack.config.js after each successful build. */
const OUTPUTS = [path.join(ADDIN_DIST, '.built'), path.join(PREVIEW_DIST, '.built')];

async function newestMtime(target: string): Promise<number> {
  const info = await stat(target).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(target, { withFileTypes: true });
  const times = await Promise.all(entries.map((entry) => newestMtime(path.join(target, entry.name))));
  return Math.max(info.mtimeMs, ...times);
}

export async function addinBuildIsCurrent(): Promise<boolean> {
  const built = await Promise.all(OUTPUTS.map((file) => stat(file).then((s) => s.mtimeMs).catch(() => 0)));
  const oldestOutput = Math.min(...built);
  if (oldestOutput === 0) return false;
  const newestSource = Math.max(...(await Promise.all(SOURCES.map((source) => newestMtime(path.join(ROOT, source))))));
  return newestSource <= oldestOutput;
}

export async function ensureAddinBuild(log: (message: string) => void): Promise<void> {
  if (await addinBuildIsCurrent()) return;
  log('Building the add-ins and the Office preview (webpack)...');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--config-name', 'addin', '--config-name', 'preview'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`The add-in build failed (webpack exit code ${code}); run npm run build:addin to see why.`))));
  });
}
