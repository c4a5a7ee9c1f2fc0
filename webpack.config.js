// Builds what is deployed: the Functions app for Azure (dist/functions/index.js, the package's
// "main"). The add-in task panes join here as their own entries.
const path = require('node:path');

const swc = {
  loader: 'swc-loader',
  options: { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true } }, module: { type: 'commonjs' } },
};

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
  module: { rules: [{ test: /\.ts$/, exclude: /node_modules/, use: swc }] },
  externals: [packagesAreExternal],
  devtool: 'source-map',
  optimization: { minimize: false },
};

module.exports = [functionsApp];
