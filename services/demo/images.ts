import { existsSync, statSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { photoPath as storePath, sha256Hex, writeFileAtomic, type PhotoExt } from '../photoFiles';

/**
 * Demo photos: a handful of small synthetic PNGs ("a hall with a red backdrop, a head table and rows of
 * delegates", in different colours and layouts), encoded here without any image dependency. All photo
 * rows share these few files, so a 100 000-meeting demo writes 24 files, not 300 000.
 */

export const DEMO_IMAGE_COUNT = 24;
export const DEMO_IMAGE_WIDTH = 320;
export const DEMO_IMAGE_HEIGHT = 200;

export interface DemoImage {
  /** SHA-256 of the file bytes, lower-case hex: the photo row's file_hash and the file's name. */
  hash: string;
  mime: 'image/png';
  byteSize: number;
  width: number;
  height: number;
  /** Absolute path of the content-addressed file. */
  path: string;
}

// --- PNG encoding -------------------------------------------------------------------------------------

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  // The CRC covers the type and the data, not the length.
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** Encodes 8-bit RGB pixels (row-major, 3 bytes each) as a PNG: signature, IHDR, one IDAT, IEND. */
export function encodePng(width: number, height: number, rgb: Uint8Array): Buffer {
  if (rgb.length !== width * height * 3) throw new RangeError('encodePng: pixel buffer size does not match');
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: truecolour RGB
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  // Each scanline starts with its filter type; 0 (None) keeps the encoder trivial, deflate does the rest.
  const stride = width * 3;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0;
    raw.set(rgb.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

// --- Pictures -----------------------------------------------------------------------------------------

type Rgb = readonly [number, number, number];

/** Wall colours (top, bottom) of the halls; the backdrop is always the red of official meeting halls. */
const WALLS: readonly (readonly [Rgb, Rgb])[] = [
  [
    [236, 226, 204],
    [196, 178, 150],
  ],
  [
    [214, 226, 238],
    [150, 170, 196],
  ],
  [
    [230, 236, 220],
    [170, 184, 150],
  ],
  [
    [240, 222, 214],
    [196, 160, 150],
  ],
  [
    [226, 222, 236],
    [170, 160, 196],
  ],
  [
    [222, 222, 222],
    [160, 160, 160],
  ],
];
const UNIFORMS: readonly Rgb[] = [
  [74, 96, 60], // army green
  [40, 52, 90], // dark suits
  [90, 110, 70],
  [60, 60, 68],
];

/**
 * Picture `index` (0 ≤ index < DEMO_IMAGE_COUNT): wall gradient by index % 6, layout by index / 6 — the
 * backdrop's height, the head table's width and the number of rows of delegates differ, so every index
 * gives different bytes and a different hash.
 */
export function demoImagePixels(
  index: number,
  width = DEMO_IMAGE_WIDTH,
  height = DEMO_IMAGE_HEIGHT,
): Uint8Array {
  const px = new Uint8Array(width * height * 3);
  const [top, bottom] = WALLS[index % WALLS.length]!;
  const layout = Math.floor(index / WALLS.length);
  const uniform = UNIFORMS[layout % UNIFORMS.length]!;
  const backdropBottom = Math.round(height * (0.38 + 0.04 * layout));
  const tableTop = backdropBottom + 6;
  const tableBottom = tableTop + 16;
  const tableHalf = Math.round(width * (0.26 + 0.05 * layout));
  const rows = 2 + layout;

  const set = (x: number, y: number, c: Rgb) => {
    if (x < 0 || y < 0 || x >= width || y >= height) return;
    const o = (y * width + x) * 3;
    px[o] = c[0];
    px[o + 1] = c[1];
    px[o + 2] = c[2];
  };

  for (let y = 0; y < height; y++) {
    const t = y / (height - 1);
    const wall: Rgb = [
      Math.round(top[0] + (bottom[0] - top[0]) * t),
      Math.round(top[1] + (bottom[1] - top[1]) * t),
      Math.round(top[2] + (bottom[2] - top[2]) * t),
    ];
    for (let x = 0; x < width; x++) set(x, y, wall);
  }
  // Red backdrop with a yellow band (the slogan line) across the stage.
  const margin = Math.round(width * 0.08);
  for (let y = 8; y < backdropBottom; y++) {
    for (let x = margin; x < width - margin; x++) set(x, y, [186, 28, 36]);
  }
  for (let y = 18; y < 24; y++) {
    for (let x = margin + 20; x < width - margin - 20; x++) set(x, y, [244, 200, 66]);
  }
  // A five-pointed star centred on the backdrop, filled by a point-in-polygon test.
  const cx = width / 2;
  const cy = (24 + backdropBottom) / 2;
  const r = Math.min(18, (backdropBottom - 30) / 2);
  const star: [number, number][] = [];
  for (let k = 0; k < 10; k++) {
    const a = -Math.PI / 2 + (k * Math.PI) / 5;
    const rr = k % 2 === 0 ? r : r * 0.4;
    star.push([cx + rr * Math.cos(a), cy + rr * Math.sin(a)]);
  }
  for (let y = Math.floor(cy - r); y <= Math.ceil(cy + r); y++) {
    for (let x = Math.floor(cx - r); x <= Math.ceil(cx + r); x++) {
      let inside = false;
      for (let i = 0, j = star.length - 1; i < star.length; j = i++) {
        const [xi, yi] = star[i]!;
        const [xj, yj] = star[j]!;
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
      if (inside) set(x, y, [250, 214, 60]);
    }
  }
  // Head table with a white cloth.
  for (let y = tableTop; y < tableBottom; y++) {
    for (let x = cx - tableHalf; x < cx + tableHalf; x++) set(Math.round(x), y, [246, 246, 240]);
  }
  // Delegates: rows of heads (dark) over shoulders (uniform colour), smaller towards the back.
  for (let row = 0; row < rows; row++) {
    const y0 = height - 12 - row * Math.round((height - tableBottom - 16) / rows);
    const size = Math.max(3, 7 - row);
    const step = size * 3 + 2;
    for (let x0 = 6 + ((row * 5) % step); x0 < width - 6; x0 += step) {
      for (let dy = -size; dy <= size; dy++) {
        for (let dx = -size; dx <= size; dx++) {
          if (dx * dx + dy * dy <= size * size) set(x0 + dx, y0 - size - 2 + dy, [38, 30, 28]);
        }
      }
      for (let dy = 0; dy < size + 4; dy++) {
        for (let dx = -size - 2; dx <= size + 2; dx++) set(x0 + dx, y0 + dy, uniform);
      }
    }
  }
  return px;
}

// --- Content-addressed store --------------------------------------------------------------------------

/** `<archiveDir>/photos/ab/abcdef….png`: the layout of README.md ("Where the data lives"), the photo store's (photoFiles.ts). */
export function photoPath(archiveDir: string, hash: string, ext: PhotoExt = 'png'): string {
  return storePath(archiveDir, hash, ext);
}

/**
 * Writes `bytes` under its SHA-256 unless a file of that size is already there. Temp name + fsync +
 * rename (writeFileAtomic), so a crash never leaves a half-written file under a hash name.
 */
export function storeContentAddressed(
  archiveDir: string,
  bytes: Uint8Array,
  ext: PhotoExt = 'png',
): { hash: string; path: string; written: boolean } {
  const hash = sha256Hex(bytes);
  const path = photoPath(archiveDir, hash, ext);
  if (existsSync(path) && statSync(path).size === bytes.length) return { hash, path, written: false };
  writeFileAtomic(path, bytes);
  return { hash, path, written: true };
}

/** Encodes the demo pictures and makes sure each is in the archive's photo store. */
export function writeDemoImages(archiveDir: string, count = DEMO_IMAGE_COUNT): DemoImage[] {
  const images: DemoImage[] = [];
  for (let i = 0; i < count; i++) {
    const png = encodePng(DEMO_IMAGE_WIDTH, DEMO_IMAGE_HEIGHT, demoImagePixels(i));
    const { hash, path } = storeContentAddressed(archiveDir, png);
    images.push({
      hash,
      path,
      mime: 'image/png',
      byteSize: png.length,
      width: DEMO_IMAGE_WIDTH,
      height: DEMO_IMAGE_HEIGHT,
    });
  }
  return images;
}
