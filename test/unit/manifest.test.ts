// The Outlook manifest, checked offline: xmllint against Office's schemas where they are present,
// our lint for what the schemas cannot see, and the build plugin that rewrites it for deployment.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import webpack from 'webpack';
import packageJson from '../../package.json';
import { lintManifest, type ManifestProblem } from '../../addin/build/manifest-lint';
import { ManifestPlugin, rewriteBaseUrl } from '../../addin/build/manifest-plugin';

const ROOT = path.resolve(__dirname, '../..');
const MANIFEST = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const SCHEMA_DIR = path.resolve(ROOT, '../shared/schemas/office-addin-manifest');
const SCHEMA = path.join(SCHEMA_DIR, 'OfficeAppManifestV1_1.xsd');
const SCHEMAS_PRESENT = fs.existsSync(SCHEMA);
const DIST_ADDIN = path.join(ROOT, 'dist/addin');
const DEPLOYED_ORIGIN = 'https://crm.example.com';

/** What the add-in build serves (see webpack.config.js): the three Outlook pages and the icons. */
const SERVED_FILES = [
  'outlook/taskpane.html', 'outlook/commands.html', 'outlook/launchevent.js',
  ...[16, 20, 24, 32, 40, 48, 64, 80, 128].map((size) => `assets/icon-${size}.png`),
];

let tempDir = '';
beforeAll(() => { tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-test-')); });
afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));

/** Files under dir, relative and with `/` separators, as the lint wants them. */
function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/** Replaces one occurrence, failing loudly if the manifest no longer contains it (the test would prove nothing). */
function replaceOnce(xml: string, from: string, to: string): string {
  if (!xml.includes(from)) throw new Error(`the manifest no longer contains ${from}: update this test`);
  return xml.replace(from, to);
}

function xmllint(xml: string): { status: number | null; stderr: string } {
  const file = path.join(tempDir, `manifest-${Date.now()}-${Math.random().toString(36).slice(2)}.xml`);
  fs.writeFileSync(file, xml);
  const result = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, file], { encoding: 'utf8' });
  if (result.error && 'code' in result.error && result.error.code === 'ENOENT') {
    throw new Error('xmllint is not installed: install libxml2-utils (apt-get install -y libxml2-utils; .ci/run does it)');
  }
  return { status: result.status, stderr: result.stderr };
}

const describeWithSchemas = SCHEMAS_PRESENT ? describe : describe.skip;
describeWithSchemas(
  SCHEMAS_PRESENT ? 'the manifest against the Office schemas (xmllint)' : `xmllint check SKIPPED: no Office schemas at ${SCHEMA_DIR}`,
  () => {
    test('manifest.xml is valid', () => {
      const { status, stderr } = xmllint(MANIFEST);
      expect(stderr).toMatch(/validates/);
      expect(status).toBe(0);
    });

    test('a copy without <ProviderName> is rejected with exit code 3, so the check can fail', () => {
      const broken = MANIFEST.replace(/<ProviderName>[^<]*<\/ProviderName>/, '');
      expect(broken).not.toBe(MANIFEST);
      const { status, stderr } = xmllint(broken);
      expect(stderr).toMatch(/fails to validate/);
      expect(status).toBe(3);
    });

    test('the manifest built for a deployment origin is valid too', () => {
      expect(xmllint(rewriteBaseUrl(MANIFEST, DEPLOYED_ORIGIN)).status).toBe(0);
    });
  },
);

describe('the manifest against the add-in build (needs npm run build:addin)', () => {
  test('every https://localhost:3000 URL names a file in dist/addin, and the lint finds nothing', () => {
    if (!fs.existsSync(DIST_ADDIN)) throw new Error('dist/addin is missing: run npm run build:addin first');
    expect(lintManifest(MANIFEST, { packageVersion: packageJson.version, builtFiles: listFiles(DIST_ADDIN) })).toEqual([]);
  });
});

describe('the manifest lint', () => {
  let builtFiles: string[] = [];
  beforeAll(() => {
    // A stand-in for dist/addin, so the lint's rules are proven without the build.
    const served = path.join(tempDir, 'served');
    for (const file of SERVED_FILES) {
      fs.mkdirSync(path.dirname(path.join(served, file)), { recursive: true });
      fs.writeFileSync(path.join(served, file), '');
    }
    builtFiles = listFiles(served);
  });
  const lint = (xml: string, overrides: { packageVersion?: string; builtFiles?: string[] } = {}): ManifestProblem[] =>
    lintManifest(xml, { packageVersion: overrides.packageVersion ?? packageJson.version, builtFiles: overrides.builtFiles ?? builtFiles });
  const only = (rule: ManifestProblem['rule'], text: string): unknown => [expect.objectContaining({ rule, message: expect.stringContaining(text) })];

  test('finds nothing wrong in manifest.xml when every file it names is served', () => {
    expect(builtFiles).toHaveLength(SERVED_FILES.length);
    expect(lint(MANIFEST)).toEqual([]);
  });

  test('a resid naming no resource', () => {
    const xml = replaceOnce(MANIFEST, '<Label resid="Group.Label"/>', '<Label resid="Group.Labl"/>');
    expect(lint(xml)).toEqual(only('resid', '<Label resid="Group.Labl"> names no short string resource'));
  });

  test('a resid naming a resource of the wrong kind', () => {
    const xml = replaceOnce(MANIFEST, '<Description resid="TaskpaneButton.Tooltip"/>', '<Description resid="TaskpaneButton.Title"/>');
    expect(lint(xml)).toEqual(only('resid', 'needs a long string resource but "TaskpaneButton.Title" is a short string'));
  });

  test('a resource id longer than 32 characters', () => {
    const long = 'TaskpaneButton.Tooltip.ForEveryone';
    const xml = MANIFEST.split('TaskpaneButton.Tooltip').join(long);
    expect(lint(xml)).toEqual(only('resid', `resource id "${long}" is longer than 32 characters`));
  });

  test('a duplicate id', () => {
    const xml = replaceOnce(MANIFEST, 'id="msgComposeOpenPaneButton"', 'id="msgReadOpenPaneButton"');
    expect(lint(xml)).toEqual(only('unique-id', 'id "msgReadOpenPaneButton" of <Control> is already used by <Control>'));
  });

  test('a Version that is not package.json\'s', () => {
    expect(lint(MANIFEST, { packageVersion: '0.2.0' })).toEqual(only('version', 'expected 0.2.0.0'));
    expect(lint(MANIFEST, { packageVersion: '0.1.0-beta.1' })).toEqual(only('version', 'cannot become a manifest version'));
  });

  test('an Id that is not a GUID', () => {
    const xml = MANIFEST.replace(/<Id>[^<]*<\/Id>/, '<Id>office-crm</Id>');
    expect(lint(xml)).toEqual(only('guid', '"office-crm" is not a GUID'));
  });

  test('a URL to a file the build does not make', () => {
    const files = builtFiles.filter((file) => file !== 'outlook/launchevent.js');
    expect(lint(MANIFEST, { builtFiles: files })).toEqual(only('url-file', 'https://localhost:3000/outlook/launchevent.js but the build makes no outlook/launchevent.js'));
  });

  test('a URL over http', () => {
    const xml = replaceOnce(MANIFEST, '<AppDomain>https://localhost:3000</AppDomain>', '<AppDomain>http://localhost:3000</AppDomain>');
    expect(lint(xml)).toEqual(only('https', '<AppDomain> uses http://localhost:3000'));
  });

  test('an English string without its French override', () => {
    const xml = replaceOnce(MANIFEST, '<bt:Override Locale="fr-FR" Value="Ouvrir Office CRM"/>', '');
    expect(lint(xml)).toEqual(only('translation', '"TaskpaneButton.Title" has no fr-FR override'));
  });

  test('XML that is not well-formed', () => {
    const xml = replaceOnce(MANIFEST, '</Hosts>', '');
    expect(lint(xml)).toEqual(only('xml', '</OfficeApp> does not close <Hosts>'));
  });
});

function build(plugin: ManifestPlugin, outputPath: string): Promise<void> {
  const entry = path.join(tempDir, 'entry.js');
  fs.writeFileSync(entry, 'module.exports = 1;\n');
  const compiler = webpack({ mode: 'none', context: tempDir, entry, output: { path: outputPath }, plugins: [plugin] });
  return new Promise((resolve, reject) => {
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error) reject(error);
      else if (stats?.hasErrors()) reject(new Error(stats.toString('errors-only')));
      else resolve();
    });
  });
}

describe('ManifestPlugin', () => {
  test('emits manifest.xml unchanged when no base URL is given (npm start serves it as is)', async () => {
    const out = path.join(tempDir, 'out-local');
    await build(new ManifestPlugin({ baseUrl: '' }), out);
    expect(fs.readFileSync(path.join(out, 'manifest.xml'), 'utf8')).toBe(MANIFEST);
  });

  test('points every URL at the deployment origin when one is given', async () => {
    const out = path.join(tempDir, 'out-deployed');
    await build(new ManifestPlugin({ baseUrl: `${DEPLOYED_ORIGIN}/` }), out);
    const deployed = fs.readFileSync(path.join(out, 'manifest.xml'), 'utf8');
    expect(deployed).not.toContain('localhost');
    expect(deployed).toContain(`<AppDomain>${DEPLOYED_ORIGIN}</AppDomain>`);
    expect(deployed).toContain(`DefaultValue="${DEPLOYED_ORIGIN}/outlook/taskpane.html"`);
    expect(lintManifest(deployed, { packageVersion: packageJson.version, builtFiles: SERVED_FILES, baseUrl: DEPLOYED_ORIGIN })).toEqual([]);
  });

  test('refuses a base URL Office could not load or that is not an origin', () => {
    expect(() => new ManifestPlugin({ baseUrl: 'http://crm.example.com' })).toThrow(/must use https/);
    expect(() => new ManifestPlugin({ baseUrl: 'https://crm.example.com/addin' })).toThrow(/origin only/);
    expect(() => new ManifestPlugin({ baseUrl: 'crm.example.com' })).toThrow(/not a URL/);
  });
});
