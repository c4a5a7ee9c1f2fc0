// Types of icon-assets-plugin.js (plain CommonJS, loaded by webpack.config.js) for the TypeScript tests.
import type { Compiler } from 'webpack';

/** Sizes emitted as assets/icon-<size>.png. */
export const ICON_SIZES: readonly number[];

/** Encodes 8-bit RGBA pixels (width * height * 4 bytes, row by row) as a PNG file. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer;

/** The add-in icon at size x size, as RGBA pixels. */
export function drawIcon(size: number): Uint8Array;

/** CRC-32 as PNG chunks carry it. */
export function crc32(bytes: Uint8Array): number;

export interface IconAssetsPluginOptions {
  sizes?: readonly number[];
  /** Output folder of the icons; defaults to assets. */
  directory?: string;
}

export class IconAssetsPlugin {
  constructor(options?: IconAssetsPluginOptions);
  apply(compiler: Compiler): void;
}
