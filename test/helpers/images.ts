import sharp from 'sharp';
import { randomFillSync } from 'node:crypto';

/** Test pictures made on the spot with sharp (the same library the store decodes with). */

export interface JpegSpec {
  width?: number;
  height?: number;
  /** Solid colour, e.g. '#b71c1c': different colours give different files. */
  color?: string;
  /** EXIF DateTimeOriginal as cameras write it, 'YYYY:MM:DD HH:MM:SS'. */
  takenAt?: string;
  /** EXIF OffsetTimeOriginal, e.g. '+09:00'. */
  offset?: string;
  /** EXIF orientation 1–8 (6: the camera was turned, the pixels are stored on their side). */
  orientation?: number;
}

export async function jpeg(spec: JpegSpec = {}): Promise<Buffer> {
  let img = sharp({
    create: {
      width: spec.width ?? 64,
      height: spec.height ?? 48,
      channels: 3,
      background: spec.color ?? '#b71c1c',
    },
  }).jpeg({ quality: 90 });
  if (spec.orientation) img = img.withMetadata({ orientation: spec.orientation });
  if (spec.takenAt) {
    const ifd2: Record<string, string> = { DateTimeOriginal: spec.takenAt };
    if (spec.offset) ifd2.OffsetTimeOriginal = spec.offset;
    img = img.withExif({ IFD0: { Make: 'hoso-test' }, IFD2: ifd2 });
  }
  return img.toBuffer();
}

export async function png(color = '#1565c0', width = 40, height = 30): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: color } })
    .png()
    .toBuffer();
}

export async function webp(color = '#2e7d32'): Promise<Buffer> {
  return sharp({ create: { width: 40, height: 30, channels: 3, background: color } })
    .webp()
    .toBuffer();
}

/**
 * A full-quality JPEG of random noise (noise does not compress, so the file is as big as a
 * 40–50 megapixel phone photo): 4600×3450 at quality 100 is about 21 MB.
 */
export async function noisyJpeg(width = 4600, height = 3450): Promise<Buffer> {
  const raw = randomFillSync(Buffer.alloc(width * height * 3));
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 100 })
    .toBuffer();
}
