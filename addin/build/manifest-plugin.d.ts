// Types of manifest-plugin.js (plain CommonJS, loaded by webpack.config.js) for the TypeScript tests.
import type { Compiler } from 'webpack';

export const LOCAL_BASE_URL: 'https://localhost:3000';

/** The manifest with every https://localhost:3000 replaced by baseUrl (an https origin); unchanged without one. */
export function rewriteBaseUrl(xml: string, baseUrl: string | undefined): string;

export interface ManifestPluginOptions {
  /** https origin the add-in is deployed to; absent or empty keeps https://localhost:3000. */
  baseUrl?: string;
  /** Defaults to manifest.xml at the repository root. */
  manifestPath?: string;
  /** Name of the emitted asset; defaults to manifest.xml. */
  filename?: string;
}

export class ManifestPlugin {
  constructor(options?: ManifestPluginOptions);
  apply(compiler: Compiler): void;
}
