// Emits the Outlook manifest beside the add-in it describes. The manifest in the repository points
// at the local server (https://localhost:3000); a deployment build gives the real origin
// (ADDIN_BASE_URL=https://crm.example.com npm run build) and gets a manifest pointing there.
const fs = require('node:fs');
const path = require('node:path');

const LOCAL_BASE_URL = 'https://localhost:3000';
const DEFAULT_MANIFEST_PATH = path.resolve(__dirname, '../../manifest.xml');

/**
 * The origin the add-in is served from, checked early so a typo fails the build, not the sideload.
 * Office loads add-ins over https only; a path would also land in <AppDomain>, which takes an origin.
 * @param {string} baseUrl
 * @returns {string}
 */
function normaliseBaseUrl(baseUrl) {
  let url;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(`ManifestPlugin: baseUrl "${baseUrl}" is not a URL; give an https origin such as https://crm.example.com`);
  }
  if (url.protocol !== 'https:') {
    throw new Error(`ManifestPlugin: baseUrl "${baseUrl}" must use https (Office loads add-ins over https only)`);
  }
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
    throw new Error(`ManifestPlugin: baseUrl "${baseUrl}" must be an origin only, such as https://crm.example.com (no path, query or credentials)`);
  }
  return url.origin;
}

/**
 * The manifest with every local URL replaced by baseUrl; unchanged without one.
 * @param {string} xml
 * @param {string | undefined} baseUrl
 * @returns {string}
 */
function rewriteBaseUrl(xml, baseUrl) {
  if (!baseUrl) return xml;
  return xml.split(LOCAL_BASE_URL).join(normaliseBaseUrl(baseUrl));
}

/** webpack 5 plugin: emits manifest.xml into the output, rewritten for baseUrl when one is given. */
class ManifestPlugin {
  /** @param {{ baseUrl?: string, manifestPath?: string, filename?: string }} [options] */
  constructor(options = {}) {
    // Empty means "not given", so ADDIN_BASE_URL= (set but empty) builds for localhost.
    this.baseUrl = options.baseUrl ? normaliseBaseUrl(options.baseUrl) : undefined;
    this.manifestPath = options.manifestPath ?? DEFAULT_MANIFEST_PATH;
    this.filename = options.filename ?? 'manifest.xml';
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(ManifestPlugin.name, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: ManifestPlugin.name, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          // Watched, so `webpack --watch` re-emits it when the manifest is edited.
          compilation.fileDependencies.add(this.manifestPath);
          const xml = fs.readFileSync(this.manifestPath, 'utf8');
          compilation.emitAsset(this.filename, new sources.RawSource(rewriteBaseUrl(xml, this.baseUrl)));
        },
      );
    });
  }
}

module.exports = { ManifestPlugin, rewriteBaseUrl, LOCAL_BASE_URL };
