/**
 * A quick build of the preview for trying it by hand, without webpack:
 *   npx tsx local/office-preview/build-preview.ts [outDir=dist/preview]
 * The real build is webpack's (entries `preview/office-standin` and `preview/outlook`).
 * esbuild comes with tsx; it is not a dependency of its own.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

async function main(): Promise<void> {
  const outDir = path.resolve(process.argv[2] ?? 'dist/preview');
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: { 'office-standin': path.join(__dirname, 'office-standin.ts'), outlook: path.join(__dirname, 'preview-shell.ts') },
    outdir: outDir,
    bundle: true,
    format: 'iife',
    target: 'es2022',
    sourcemap: true,
    logLevel: 'warning',
  });
  await copyFile(path.join(__dirname, 'outlook.html'), path.join(outDir, 'outlook.html'));
  console.log(`Preview built in ${outDir}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
