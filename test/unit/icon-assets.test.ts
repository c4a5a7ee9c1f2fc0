// The add-in icons: valid PNG files (checked with Node's own zlib, not the encoder's code), drawn as
// a person would expect, emitted by the build at every size the manifest names.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import webpack from 'webpack';
import { drawIcon, encodePng, IconAssetsPlugin, ICON_SIZES } from '../../addin/build/icon-assets-plugin';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const FLUENT_BLUE = [0x0f, 0x6c, 0xbd, 0xff];
const WHITE = [0xff, 0xff, 0xff, 0xff];

interface Chunk { type: string; data: Buffer }

/** Splits a PNG into chunks, failing on a wrong signature, a truncated chunk or a CRC mismatch. */
function readChunks(png: Buffer): Chunk[] {
  expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  const chunks: Chunk[] = [];
  let offset = 8;
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const typeAndData = png.subarray(offset + 4, offset + 8 + length);
    expect(typeAndData.length).toBe(4 + length);
    const type = typeAndData.subarray(0, 4).toString('ascii');
    expect({ type, crc: png.readUInt32BE(offset + 8 + length) }).toEqual({ type, crc: zlib.crc32(typeAndData) });
    chunks.push({ type, data: Buffer.from(typeAndData.subarray(4)) });
    offset += 12 + length;
  }
  return chunks;
}

/** Decodes what encodePng writes (RGBA, 8 bit, filter None on every row) back to pixels. */
function decode(png: Buffer): { width: number; height: number; pixel: (x: number, y: number) => number[] } {
  const chunks = readChunks(png);
  expect(chunks.map((chunk) => chunk.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
  const [header, data] = chunks.map((chunk) => chunk.data);
  if (!header || !data) throw new Error('missing chunks');
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  expect([...header.subarray(8)]).toEqual([8, 6, 0, 0, 0]); // 8-bit RGBA, deflate, adaptive filters, no interlace
  const raw = zlib.inflateSync(data);
  expect(raw.length).toBe(height * (1 + width * 4));
  const pixel = (x: number, y: number): number[] => {
    const row = y * (1 + width * 4);
    expect(raw[row]).toBe(0);
    return [...raw.subarray(row + 1 + x * 4, row + 1 + x * 4 + 4)];
  };
  return { width, height, pixel };
}

describe('the PNG encoder', () => {
  test('writes a valid PNG of the given size holding exactly the given pixels', () => {
    const rgba = Uint8Array.from({ length: 3 * 2 * 4 }, (_, i) => (i * 37) % 256);
    const { width, height, pixel } = decode(encodePng(3, 2, rgba));
    expect([width, height]).toEqual([3, 2]);
    expect(pixel(0, 0)).toEqual([...rgba.subarray(0, 4)]);
    expect(pixel(2, 1)).toEqual([...rgba.subarray(20, 24)]);
  });

  test('the check above catches a corrupted file (a flipped pixel byte breaks the IDAT CRC)', () => {
    const png = encodePng(2, 2, new Uint8Array(16));
    const inIdat = png.length - 20; // IDAT's last data byte sits before its CRC (4) and the IEND chunk (12)
    png.writeUInt8(png.readUInt8(inIdat) ^ 0xff, inIdat);
    expect(() => readChunks(png)).toThrow();
  });

  test('refuses pixels that do not match the size', () => {
    expect(() => encodePng(2, 2, new Uint8Array(15))).toThrow(/expected 16 RGBA bytes/);
    expect(() => encodePng(0, 2, new Uint8Array(0))).toThrow(RangeError);
  });
});

describe('the icon', () => {
  test.each([16, 32, 128])('at %i px: transparent corners, a Fluent blue tile, a white contact glyph', (size) => {
    const { width, height, pixel } = decode(encodePng(size, size, drawIcon(size)));
    expect([width, height]).toEqual([size, size]);
    const at = (x: number, y: number): number[] => pixel(Math.floor(x * size), Math.floor(y * size));
    expect(pixel(0, 0)[3]).toBeLessThan(16); // the rounded corner is (nearly) see-through
    expect(at(0.1, 0.5)).toEqual(FLUENT_BLUE); // tile left of the glyph
    expect(at(0.5, 0.37)).toEqual(WHITE); // head
    expect(at(0.5, 0.75)).toEqual(WHITE); // shoulders
  });

  test('edges are anti-aliased: the 32 px icon has partly transparent and blended pixels', () => {
    const pixels = drawIcon(32);
    const alphas = new Set<number>();
    const reds = new Set<number>();
    for (let i = 0; i < pixels.length; i += 4) {
      alphas.add(pixels[i + 3] ?? 0);
      if (pixels[i + 3] === 255) reds.add(pixels[i] ?? 0);
    }
    expect([...alphas].some((alpha) => alpha > 0 && alpha < 255)).toBe(true);
    expect([...reds].some((red) => red > FLUENT_BLUE[0]! && red < 255)).toBe(true);
  });
});

describe('IconAssetsPlugin', () => {
  const manifest = fs.readFileSync(path.resolve(__dirname, '../../manifest.xml'), 'utf8');
  const manifestSizes = [...new Set([...manifest.matchAll(/\/assets\/icon-(\d+)\.png/g)].map((match) => Number(match[1])))];

  test('emits exactly the sizes the manifest names', () => {
    expect([...ICON_SIZES].sort((a, b) => a - b)).toEqual(manifestSizes.sort((a, b) => a - b));
  });

  test('a build emits assets/icon-<size>.png as valid PNGs of that size', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'icon-assets-'));
    try {
      fs.writeFileSync(path.join(dir, 'entry.js'), 'module.exports = 1;\n');
      const compiler = webpack({ mode: 'none', context: dir, entry: './entry.js', output: { path: path.join(dir, 'out') }, plugins: [new IconAssetsPlugin()] });
      await new Promise<void>((resolve, reject) => {
        compiler.run((error, stats) => {
          compiler.close(() => undefined);
          if (error) reject(error);
          else if (stats?.hasErrors()) reject(new Error(stats.toString('errors-only')));
          else resolve();
        });
      });
      for (const size of ICON_SIZES) {
        const { width, height } = decode(fs.readFileSync(path.join(dir, 'out/assets', `icon-${size}.png`)));
        expect([width, height]).toEqual([size, size]);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
