import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomFillSync } from 'node:crypto';
import sharp from 'sharp';
import { storePhoto, verifyPhotoFile } from '../services/photoStore';
import { percentile } from './stats';

/**
 * The photo store on the size that matters: a full-quality JPEG of noise (it does not compress, so it is
 * as big as a 45-megapixel phone photo, ~21 MB). Each run stores a different file (one pixel changed)
 * into a fresh folder: decode, thumbnail, hash, fsync'd write; then the same bytes again (already there:
 * hash and compare only), and verifyPhotoFile (what the seal check does per photo).
 */
export async function benchPhotos(runs: number): Promise<Record<string, unknown>> {
  const width = 4600;
  const height = 3450;
  const raw = randomFillSync(Buffer.alloc(width * height * 3));
  const first: number[] = [];
  const again: number[] = [];
  const verify: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    raw[i] = (raw[i]! + 1) % 256;
    const jpeg = await sharp(raw, { raw: { width, height, channels: 3 } })
      .jpeg({ quality: 100 })
      .toBuffer();
    bytes = jpeg.length;
    const dir = mkdtempSync(join(tmpdir(), 'hoso-bench-photos-'));
    try {
      let t = performance.now();
      const stored = await storePhoto(dir, jpeg);
      first.push(performance.now() - t);
      t = performance.now();
      await storePhoto(dir, jpeg);
      again.push(performance.now() - t);
      t = performance.now();
      await verifyPhotoFile(dir, stored.hash);
      verify.push(performance.now() - t);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return {
    photo: `${width}×${height} JPEG q100, ${(bytes / 1048576).toFixed(1)} MB`,
    runs,
    storeNewMs: { p50: percentile(first, 50), p95: percentile(first, 95) },
    storeAgainMs: { p50: percentile(again, 50), p95: percentile(again, 95) },
    verifyMs: { p50: percentile(verify, 50), p95: percentile(verify, 95) },
  };
}
