import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { deflateSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outcomeOf } from './outcome';
import type { Archive } from '../../db/open';
import { importMany, readFileSource } from '../../services/import';
import { PHOTO_MAX_PIXELS, storePhoto } from '../../services/photoStore';
import { jpeg, png } from '../helpers/images';
import { tempArchive } from '../helpers/tempArchive';
import { plainDocx } from './zipBuild';

let archive: Archive;
let dir: string;
let cleanup: () => void;
beforeEach(async () => {
  ({ archive, dir, cleanup } = await tempArchive());
});
afterEach(() => cleanup());

/** CRC-32 as gzip computes it (its trailer carries the CRC of what it compressed). */
const crc32 = (bytes: Buffer) => {
  const gz = gzipSync(bytes, { level: 0 });
  return gz.readUInt32LE(gz.length - 8);
};

function pngChunk(type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(4 + typed.length + 4);
  out.writeUInt32BE(data.length, 0);
  typed.copy(out, 4);
  out.writeUInt32BE(crc32(typed), 8 + data.length);
  return out;
}

/** A real PNG of width × height black-and-white pixels, all white: a few KB that decode to ~width × height bytes. */
function bigPng(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 1; // one bit a pixel
  ihdr[9] = 0; // greyscale
  const row = Buffer.alloc(1 + Math.ceil(width / 8), 0xff);
  row[0] = 0; // filter: none
  const rows = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(rows, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A small real PNG whose header is rewritten to claim width × height (the data stays small). */
async function lyingPng(width: number, height: number): Promise<Buffer> {
  const bytes = Buffer.from(await png('#1565c0', 40, 30));
  bytes.writeUInt32BE(width, 16);
  bytes.writeUInt32BE(height, 20);
  bytes.writeUInt32BE(crc32(bytes.subarray(12, 29)), 29);
  return bytes;
}

/** A small real JPEG whose frame header is rewritten to claim width × height. */
async function lyingJpeg(width: number, height: number): Promise<Buffer> {
  const bytes = Buffer.from(await jpeg({ width: 64, height: 48 }));
  for (let i = 2; i < bytes.length - 9; i++) {
    if (bytes[i] === 0xff && (bytes[i + 1] === 0xc0 || bytes[i + 1] === 0xc2)) {
      bytes.writeUInt16BE(height, i + 5);
      bytes.writeUInt16BE(width, i + 7);
      return bytes;
    }
  }
  throw new Error('no frame header');
}

const codeOf = (bytes: Buffer) =>
  outcomeOf(() => storePhoto(dirname(archive.file), bytes, { fileName: 'anh.png' }));

const storedFiles = () =>
  readdirSync(dir, { recursive: true }).filter((f) => /\.(png|jpg|webp)$/.test(String(f)));

describe('a photo with more pixels than hoso decodes', () => {
  it('is 100 megapixels at the most, as the error says', () => {
    expect(PHOTO_MAX_PIXELS).toBe(100_000_000);
  });

  it('a PNG or JPEG whose header claims 30 000 × 30 000 is refused from the header', async () => {
    expect(await codeOf(await lyingPng(30_000, 30_000))).toBe('PHOTO_TOO_MANY_PIXELS');
    expect(await codeOf(await lyingJpeg(30_000, 30_000))).toBe('PHOTO_TOO_MANY_PIXELS');
    expect(storedFiles()).toEqual([]);
  });

  it('a real, valid PNG of 12 000 × 9 000 (a few KB on disk) is refused before it is decoded', async () => {
    const bytes = bigPng(12_000, 9_000);
    expect(bytes.length).toBeLessThan(100_000);
    expect(await codeOf(bytes)).toBe('PHOTO_TOO_MANY_PIXELS');
    expect(storedFiles()).toEqual([]);
  });

  it('a photo just within the limit is still kept', async () => {
    expect(await codeOf(bigPng(10_000, 10_000))).toBe('ok');
  });

  it('a picture inside an imported .docx goes through the same limit', async () => {
    const docx = plainDocx(
      ['BIÊN BẢN', 'Hội nghị giao ban quý I năm 2024', 'Đồng chí Nguyễn Văn An chủ trì.'],
      await lyingPng(30_000, 30_000),
    );
    const [item] = await importMany(
      archive,
      [{ name: 'bien-ban.docx', read: () => readFileSource('bien-ban.docx', docx) }],
      { actor: 'test' },
    );
    expect(item!.status).not.toBe('failed');
    const notSaved = item!.messages.find((m) => m.key === 'importNote.photoNotSaved');
    expect(JSON.stringify(notSaved)).toContain('PHOTO_TOO_MANY_PIXELS');
    expect(storedFiles()).toEqual([]);
  });
});
