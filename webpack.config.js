// Builds what is deployed: the Functions app for Azure (dist/functions/index.js, the package's
// "main"), the add-ins' static files (dist/addin) and the local Office preview (dist/preview).
const fs = require('node:fs');
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { IconAssetsPlugin } = require('./addin/build/icon-assets-plugin');
const { ManifestPlugin } = require('./addin/build/manifest-plugin');

const swc = (target) => ({
  loader: 'swc-loader',
  options: {
    jsc: { target, parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } },
    module: { type: target === 'es2022' ? 'commonjs' : 'es6' },
  },
});

/** Packages stay in node_modules (deployed with the app); @azure/functions-core comes from the Azure worker. */
function packagesAreExternal({ request }, callback) {
  if (!request || request.startsWith('.') || path.isAbsolute(request)) return callback();
  return callback(null, `commonjs ${request}`);
}

const functionsApp = {
  name: 'functions',
  target: 'node20',
  entry: { index: './functions/index.ts' },
  output: { path: path.resolve(__dirname, 'dist/functions'), filename: '[name].js', library: { type: 'commonjs2' }, clean: true },
  resolve: { extensions: ['.ts', '.js'] },
  module: { rules: [{ test: /\.ts$/, exclude: /node_modules/, use: swc('es2022') }] },
  externals: [packagesAreExternal],
  devtool: 'source-map',
  optimization: { minimize: false },
};

/**
 * The configuration the panes read at start. A deployment sets ADDIN_CLIENT_ID (Entra app of the
 * add-in) and ADDIN_API_BASE_URL; without them the build targets the local stack, whose add-in
 * server rewrites this block with the running addresses anyway.
 */
function paneConfigObject() {
  const clientId = process.env.ADDIN_CLIENT_ID;
  const auth = clientId
    ? {
        mode: 'naa',
        clientId,
        authority: process.env.ADDIN_AUTHORITY ?? 'https://login.microsoftonline.com/organizations',
        scope: process.env.ADDIN_API_SCOPE ?? `api://${clientId}/access_as_user`,
      }
    : {
        mode: 'local',
        clientId: 'office-crm-addin',
        authorizeUrl: '/identity/organizations/oauth2/v2.0/authorize',
        tokenUrl: '/identity/organizations/oauth2/v2.0/token',
        scope: 'api://office-crm/access_as_user openid offline_access',
      };
  return { apiBaseUrl: process.env.ADDIN_API_BASE_URL ?? '/api', auth };
}

function paneConfig() {
  return JSON.stringify(paneConfigObject()).replace(/</g, '\\u003c');
}

/** The same configuration compiled in, with the host, for the page-less on-send runtime. */
const buildConfig = new (require('webpack').DefinePlugin)({
  CRM_BUILD_CONFIG: JSON.stringify({ ...paneConfigObject(), baseUrl: process.env.ADDIN_BASE_URL || 'https://localhost:3000' }),
});

/** Copies a file into the output unchanged. */
class CopyFilePlugin {
  constructor(from, to) {
    this.from = from;
    this.to = to;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('CopyFilePlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'CopyFilePlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        compilation.fileDependencies.add(this.from);
        compilation.emitAsset(this.to, new compiler.webpack.sources.RawSource(fs.readFileSync(this.from)));
      });
    });
  }
}

/**
 * Writes `.built` when a build succeeds: webpack leaves unchanged files untouched, so their dates
 * cannot tell `npm start` whether the build is older than the sources.
 */
class BuildStampPlugin {
  apply(compiler) {
    compiler.hooks.done.tap('BuildStampPlugin', (stats) => {
      if (!stats.hasErrors()) fs.writeFileSync(path.join(compiler.outputPath, '.built'), `${new Date().toISOString()}\n`);
    });
  }
}

const LAUNCH_EVENT = 'outlook/launchevent';

const page = (template, filename, chunks) =>
  new HtmlWebpackPlugin({ template, filename, chunks, inject: 'body', scriptLoading: 'defer', templateParameters: { crmConfig: paneConfig() }, minify: false });

const addin = {
  name: 'addin',
  target: 'web',
  entry: {
    'outlook/taskpane': './addin/outlook/index.tsx',
    'auth/dialog': './addin/auth/dialog-page.ts',
    // Classic Outlook on Windows loads this file alone (no HTML): fixed name, no shared chunks.
    [LAUNCH_EVENT]: './addin/outlook/launch/launchevent.ts',
  },
  output: {
    path: path.resolve(__dirname, 'dist/addin'),
    filename: (data) => (data.chunk.name === LAUNCH_EVENT ? '[name].js' : '[name].[contenthash:8].js'),
    chunkFilename: 'chunks/[name].[contenthash:8].js',
    publicPath: '/',
    clean: true,
  },
  resolve: { extensions: ['.tsx', '.ts', '.js'] },
  module: { rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: swc('es2020') }] },
  plugins: [
    page('./addin/outlook/taskpane.html', 'outlook/taskpane.html', ['outlook/taskpane']),
    page('./addin/outlook/commands.html', 'outlook/commands.html', [LAUNCH_EVENT]),
    page('./addin/auth/dialog.html', 'auth/dialog.html', ['auth/dialog']),
    new IconAssetsPlugin(),
    new ManifestPlugin({ baseUrl: process.env.ADDIN_BASE_URL }),
    new BuildStampPlugin(),
    buildConfig,
  ],
  // HTML stays as written: the local add-in server rewrites two tags in it.
  optimization: { splitChunks: { chunks: (chunk) => chunk.name !== LAUNCH_EVENT, cacheGroups: { defaultVendors: { test: /[\\/]node_modules[\\/]/, name: 'vendor', chunks: (chunk) => chunk.canBeInitial() && chunk.name !== LAUNCH_EVENT, priority: -10 } } }, minimizeOptions: { html: false } },
  performance: { hints: false },
  devtool: 'source-map',
};

/** The local Office preview (npm start): never deployed. */
const preview = {
  name: 'preview',
  target: 'web',
  entry: { 'office-standin': './local/office-preview/office-standin.ts', outlook: './local/office-preview/preview-shell.ts' },
  output: { path: path.resolve(__dirname, 'dist/preview'), filename: '[name].js', clean: true },
  resolve: { extensions: ['.ts', '.js'] },
  module: { rules: [{ test: /\.ts$/, exclude: /node_modules/, use: swc('es2020') }] },
  plugins: [new CopyFilePlugin(path.resolve(__dirname, 'local/office-preview/outlook.html'), 'outlook.html'), new BuildStampPlugin()],
  devtool: 'source-map',
};

module.exports = [functionsApp, addin, preview];
