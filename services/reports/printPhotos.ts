import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import type { PhotoItem, ReportDoc } from './model';

/**
 * Photos as they go into a printed document: turned upright (EXIF), at most PRINT_MAX_SIDE pixels on
 * the long side (300 dpi over the 2-per-page width; a 48-megapixel original would only make the PDF
 * and the HTML file huge), as JPEG (which Word also takes; WebP it does not). A file that is missing
 * or unreadable is left out (the sheet then says so in its place).
 */
export const PRINT_MAX_SIDE = 2000;

export interface PrintPhoto {
  bytes: Buffer;
  width: number;
  height: number;
}

export async function printPhoto(p: PhotoItem): Promise<PrintPhoto | null> {
  if (!p.path) return null;
  try {
    const out = await sharp(await readFile(p.path))
      .rotate()
      .resize(PRINT_MAX_SIDE, PRINT_MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 85 })
      .toBuffer({ resolveWithObject: true });
    return { bytes: out.data, width: out.info.width, height: out.info.height };
  } catch {
    return null;
  }
}

/** Every photo of a document prepared for print, by file hash. */
export async function printPhotos(doc: ReportDoc): Promise<Map<string, PrintPhoto | null>> {
  const out = new Map<string, PrintPhoto | null>();
  for (const block of doc.body) {
    if (block.kind !== 'photos') continue;
    for (const p of block.photos) if (!out.has(p.hash)) out.set(p.hash, await printPhoto(p));
  }
  return out;
}

/** renderHtml's photoSrc for a standalone document: the prepared JPEGs inline as data: URLs. */
export async function inlinePhotoSrc(doc: ReportDoc): Promise<(p: PhotoItem) => string | null> {
  const photos = await printPhotos(doc);
  return (p) => {
    const ready = photos.get(p.hash);
    return ready ? `data:image/jpeg;base64,${ready.bytes.toString('base64')}` : null;
  };
}
