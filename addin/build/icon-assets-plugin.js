// Draws the add-in icon in code and emits it as PNGs (assets/icon-<size>.png), so the repository
// holds no binary images and every size is sharp: each is drawn at its own size, not scaled.
const zlib = require('node:zlib');

/** Every size the manifest refers to: the button sizes Outlook accepts (16..80) and 128 for the store. */
const ICON_SIZES = Object.freeze([16, 20, 24, 32, 40, 48, 64, 80, 128]);

const FLUENT_BLUE = [0x0f, 0x6c, 0xbd];
const WHITE = [0xff, 0xff, 0xff];
/** Samples per pixel along each axis: 8 x 8 = 64 samples make edges smooth even at 16 px. */
const SUPERSAMPLING = 8;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO 3309, the one PNG chunks carry). */
function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type, data) {
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length, 0);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData), 0);
  return Buffer.concat([length, typeAndData, crc]);
}

/**
 * Encodes 8-bit RGBA pixels (row by row, 4 bytes a pixel) as a PNG file.
 * @param {number} width
 * @param {number} height
 * @param {Uint8Array} rgba
 * @returns {Buffer}
 */
function encodePng(width, height, rgba) {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`PNG size must be positive integers, got ${width}x${height}`);
  }
  if (rgba.length !== width * height * 4) {
    throw new RangeError(`expected ${width * height * 4} RGBA bytes for ${width}x${height}, got ${rgba.length}`);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  // bytes 10..12 stay 0: deflate, adaptive filtering, no interlace

  // Each scanline starts with its filter type; 0 (None) keeps the encoder simple, zlib does the rest.
  const rowLength = width * 4;
  const raw = Buffer.alloc(height * (rowLength + 1));
  for (let y = 0; y < height; y += 1) {
    Buffer.from(rgba.buffer, rgba.byteOffset + y * rowLength, rowLength).copy(raw, y * (rowLength + 1) + 1);
  }
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', header),
    pngChunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Signed distance from (x, y) to a rounded rectangle centred at (cx, cy): negative inside. */
function roundedRectDistance(x, y, cx, cy, halfWidth, halfHeight, radius) {
  const qx = Math.abs(x - cx) - (halfWidth - radius);
  const qy = Math.abs(y - cy) - (halfHeight - radius);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - radius;
}

/** Colour of the icon at a point of the unit square, or null where it is transparent. */
function iconColourAt(x, y) {
  if (roundedRectDistance(x, y, 0.5, 0.5, 0.5, 0.5, 0.2) > 0) return null;
  const inHead = Math.hypot(x - 0.5, y - 0.37) <= 0.15;
  const inShoulders = roundedRectDistance(x, y, 0.5, 0.72, 0.25, 0.12, 0.12) <= 0;
  return inHead || inShoulders ? WHITE : FLUENT_BLUE;
}

/** The colour of a pixel that lies wholly in one shape, or undefined when it straddles an edge. */
function uniformColour(px, py, size) {
  const probes = [[0, 0], [1, 0], [0, 1], [1, 1], [0.5, 0.5]].map(([dx, dy]) => iconColourAt((px + dx) / size, (py + dy) / size));
  return probes.every((colour) => colour === probes[0]) ? probes[0] : undefined;
}

/** Coverage of SUPERSAMPLING^2 samples as alpha; colour averaged over covered samples only, so edges do not darken. */
function supersample(px, py, size) {
  let r = 0, g = 0, b = 0, covered = 0;
  for (let sy = 0; sy < SUPERSAMPLING; sy += 1) {
    for (let sx = 0; sx < SUPERSAMPLING; sx += 1) {
      const colour = iconColourAt((px + (sx + 0.5) / SUPERSAMPLING) / size, (py + (sy + 0.5) / SUPERSAMPLING) / size);
      if (!colour) continue;
      r += colour[0]; g += colour[1]; b += colour[2]; covered += 1;
    }
  }
  if (covered === 0) return [0, 0, 0, 0];
  const alpha = Math.round((covered / (SUPERSAMPLING * SUPERSAMPLING)) * 255);
  return [Math.round(r / covered), Math.round(g / covered), Math.round(b / covered), alpha];
}

/**
 * Draws the "contact" icon (white head and shoulders on a Fluent blue rounded square) as RGBA pixels.
 * Only pixels crossed by an edge are supersampled: the shapes are far wider than a pixel, so a pixel
 * whose corners and centre agree lies inside one of them.
 * @param {number} size
 * @returns {Uint8Array}
 */
function drawIcon(size) {
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      const uniform = uniformColour(px, py, size);
      const rgba = uniform === undefined ? supersample(px, py, size) : uniform === null ? [0, 0, 0, 0] : [...uniform, 255];
      pixels.set(rgba, (py * size + px) * 4);
    }
  }
  return pixels;
}

/** webpack 5 plugin: emits assets/icon-<size>.png for every size in ICON_SIZES. */
class IconAssetsPlugin {
  /** @param {{ sizes?: readonly number[], directory?: string }} [options] */
  constructor(options = {}) {
    this.sizes = options.sizes ?? ICON_SIZES;
    this.directory = options.directory ?? 'assets';
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(IconAssetsPlugin.name, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: IconAssetsPlugin.name, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          for (const size of this.sizes) {
            const png = encodePng(size, size, drawIcon(size));
            compilation.emitAsset(`${this.directory}/icon-${size}.png`, new sources.RawSource(png));
          }
        },
      );
    });
  }
}

module.exports = { IconAssetsPlugin, ICON_SIZES, encodePng, drawIcon, crc32 };
