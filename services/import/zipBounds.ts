/**
 * A .docx is a zip: reading one means inflating its members, and a few hundred KB of deflate can
 * inflate to gigabytes (a "zip bomb"). JSZip, which mammoth uses, inflates every member whole before
 * anything looks at it, so a bomb costs its full size in memory, and mammoth then builds a DOM of it.
 *
 * This module reads the zip's central directory itself and inflates each member with a hard limit on
 * what it actually produces (declared sizes can lie), then hands mammoth the same members again as a
 * zip of stored (uncompressed) entries: what mammoth reads is exactly what was measured here.
 */
import { inflateRawSync } from 'node:zlib';
import { HosoError } from '../../contract/errors';
import type { Message } from '../../contract/messages/message';
import { PHOTO_MAX_BYTES } from '../../contract/photoContract';

const MB = 1024 * 1024;

/**
 * Markup members (document.xml, styles, headers: everything but the pictures) become a DOM in
 * mammoth, at about fifty times their size in memory. A 300-page report's document.xml is a few MB
 * (5–10 KB of XML a page, Word's run markup included); 20 MB is several thousand pages.
 */
export const ZIP_MARKUP_MAX_BYTES = 20 * MB;
/** A picture inside a .docx is stored as the file it was (JPEG, PNG): no larger than a photo hoso keeps. */
export const ZIP_MEDIA_MAX_BYTES = PHOTO_MAX_BYTES;
/**
 * All members together: the file is at most 50 MB (IMPORT_FILE_MAX_BYTES), its pictures are already
 * compressed (they inflate about 1:1) and its markup is bounded above; 128 MB leaves room for both.
 */
export const ZIP_TOTAL_MAX_BYTES = 128 * MB;
/**
 * Word's XML deflates 5–20 to 1, a picture about 1 to 1; deflate itself cannot pass about 1030 to 1.
 * Past a member's first MB (small, very regular parts such as an empty header may compress more),
 * more than 100 to 1 is not a document but a bomb.
 */
export const ZIP_RATIO_MAX = 100;
export const ZIP_RATIO_FREE_BYTES = 1 * MB;
/**
 * Elements of markup in all: what mammoth's DOM costs is about 1.5 KB per element, whatever the bytes
 * (a realistic Word paragraph is ~25 elements for ~1 KB of XML; a crafted one packs hundreds of empty
 * elements into the same KB at an ordinary compression ratio, and 8 MB of them took 1.7 GB and 30 s).
 * 200 000 elements is ~300 MB of DOM; a report that fits IMPORT_TEXT_MAX_CHARS (2 million characters)
 * in Word's usual markup has about half of that.
 */
export const ZIP_MARKUP_MAX_ELEMENTS = 200_000;
/** A report with a few hundred photos has a few hundred members; each becomes an object in JSZip. */
export const ZIP_MEMBERS_MAX = 5_000;

export interface ZipMember {
  name: string;
  data: Buffer;
  /** The CRC-32 the zip declared (carried over, not checked: JSZip does not check it either). */
  crc: number;
}

const SIG_END = 0x06054b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

/** Where the end-of-central-directory record is: it ends the file, after a comment of up to 64 KB. */
function findEnd(bytes: Buffer): number {
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--)
    if (bytes.readUInt32LE(i) === SIG_END) return i;
  return -1;
}

const isMedia = (name: string) =>
  /^word\/media\//i.test(name) || /\.(png|jpe?g|gif|bmp|tiff?|emf|wmf|webp)$/i.test(name);

/**
 * The members of a zip, each inflated within the limits above. Refuses with COMPRESSED_ABNORMALLY when
 * a limit is reached (inflating stops there), IMPORT_DOCX_BROKEN when the zip is not one it can read
 * (damaged, encrypted, zip64, a method other than stored or deflate).
 */
export function unzipBounded(bytes: Buffer, detail: Message): ZipMember[] {
  const broken = (cause?: unknown) => new HosoError('IMPORT_DOCX_BROKEN', detail, { cause });
  const abnormal = () => new HosoError('COMPRESSED_ABNORMALLY', detail);
  const end = findEnd(bytes);
  if (end < 0) throw broken();
  const count = bytes.readUInt16LE(end + 10);
  const dirSize = bytes.readUInt32LE(end + 12);
  const dirStart = bytes.readUInt32LE(end + 16);
  // 0xffff / 0xffffffff mean zip64, which no Word file needs.
  if (count === 0xffff || dirStart === 0xffffffff || dirStart + dirSize > end) throw broken();
  if (count > ZIP_MEMBERS_MAX) throw abnormal();

  const members: ZipMember[] = [];
  const names = new Set<string>();
  let total = 0;
  let elements = 0;
  let at = dirStart;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== SIG_CENTRAL) throw broken();
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const crc = bytes.readUInt32LE(at + 16);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const skip = nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const localAt = bytes.readUInt32LE(at + 42);
    const name = bytes.toString(flags & 0x800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength);
    at += 46 + skip;
    // Bit 0: encrypted. A name twice: two readers could disagree on which one is the document.
    if (flags & 0x1 || names.has(name) || (method !== 0 && method !== 8)) throw broken();
    names.add(name);

    if (localAt + 30 > bytes.length || bytes.readUInt32LE(localAt) !== SIG_LOCAL) throw broken();
    const dataAt = localAt + 30 + bytes.readUInt16LE(localAt + 26) + bytes.readUInt16LE(localAt + 28);
    if (dataAt + compressedSize > bytes.length) throw broken();
    const compressed = bytes.subarray(dataAt, dataAt + compressedSize);

    const limit = Math.min(
      isMedia(name) ? ZIP_MEDIA_MAX_BYTES : ZIP_MARKUP_MAX_BYTES,
      ZIP_TOTAL_MAX_BYTES - total,
      Math.max(ZIP_RATIO_FREE_BYTES, compressedSize * ZIP_RATIO_MAX),
    );
    let data: Buffer;
    if (method === 0) {
      if (compressedSize > limit) throw abnormal();
      data = compressed;
    } else {
      try {
        // Stops as soon as the output passes the limit: a bomb never exists in memory past it.
        data = inflateRawSync(compressed, { maxOutputLength: Math.max(1, limit) });
      } catch (e) {
        if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw abnormal();
        throw broken(e);
      }
    }
    total += data.length;
    // Counted before any parser sees the markup: past the bound the file is too large to read, not damaged.
    if (!isMedia(name)) {
      elements += countTags(data);
      if (elements > ZIP_MARKUP_MAX_ELEMENTS) throw new HosoError('IMPORT_TOO_LARGE', detail);
    }
    members.push({ name, data, crc });
  }
  return members;
}

/** How many tags ("<") a markup member holds: an upper bound on the elements a parser would build. */
function countTags(data: Buffer): number {
  let n = 0;
  for (let at = data.indexOf(0x3c); at !== -1; at = data.indexOf(0x3c, at + 1)) n++;
  return n;
}

/** A member as written into a zip: its bytes as stored, how (0 stored, 8 deflated), what they inflate to. */
export interface ZipEntryOut {
  name: string;
  method: 0 | 8;
  body: Buffer;
  size: number;
  crc: number;
}

/** Writes a zip (no zip64, names in UTF-8). */
export function writeZip(entries: readonly ZipEntryOut[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    // The fields the local header and the central directory share, from "version needed" on.
    const shared = Buffer.alloc(26);
    shared.writeUInt16LE(20, 0); // version needed: 2.0
    shared.writeUInt16LE(0x800, 2); // names in UTF-8
    shared.writeUInt16LE(e.method, 4);
    shared.writeUInt32LE(e.crc, 10);
    shared.writeUInt32LE(e.body.length, 14);
    shared.writeUInt32LE(e.size, 18);
    shared.writeUInt16LE(name.length, 22);
    const local = Buffer.alloc(4);
    local.writeUInt32LE(SIG_LOCAL, 0);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(SIG_CENTRAL, 0);
    entry.writeUInt16LE(20, 4); // made by: 2.0
    shared.copy(entry, 6);
    entry.writeUInt32LE(offset, 42);
    parts.push(local, shared, name, e.body);
    central.push(entry, name);
    offset += 30 + name.length + e.body.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(SIG_END, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, dir, end]);
}

/** The members again as a zip of stored entries: nothing left to inflate for whoever reads it next. */
export const storedZip = (members: readonly ZipMember[]): Buffer =>
  writeZip(members.map((m) => ({ name: m.name, method: 0, body: m.data, size: m.data.length, crc: m.crc })));
