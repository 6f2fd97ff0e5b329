import { Decrypter, Encrypter } from 'age-encryption';
import { createReadStream, writeFileSync } from 'node:fs';
import { lstat, mkdir, open, readdir, readFile, stat } from 'node:fs/promises';
import { join, posix, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { pipeline } from 'node:stream/promises';
import tar from 'tar-stream';
import { HosoError } from '../../contract/errors';
import { literal, msg } from '../../contract/messages/message';
import {
  algorithmsOf,
  checkBagListing,
  MultiHash,
  type BagListing,
  type BagVerdict,
  type HashAlg,
} from './bagVerify';
import { declaredOxum, unsafePathReason } from './bagFormat';
import { MERGE_LIMITS } from '../../contract/mergeContract';
import { NativeScryptIdentity, nativeScryptWorks, openAgeFile } from './ageStream';
import type { DestFile } from './destFs';
import type { MeetingSpool } from './meetingSpool';

/**
 * The encrypted variant of a bag: the bag folder packed as a tar (one top folder, the bag's name) and
 * encrypted in the age format with an scrypt passphrase (age-encryption), written as `<name>.tar.age`.
 * The standard tool opens it too: `age -d -o x.tar x.tar.age && tar xf x.tar`. Everything streams: a
 * multi-gigabyte bag is never held in memory, and the plain bag never touches the stick.
 */

export const AGE_MAGIC = 'age-encryption.org/v1';

/** Every file under `root`, relative and `/`-separated, tag files first so a streaming reader meets the manifests before the payload. */
async function bagFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(dir: string, rel: string) {
    for (const name of (await readdir(dir)).sort()) {
      const relPath = rel ? `${rel}/${name}` : name;
      if ((await lstat(join(dir, name))).isDirectory()) await walk(join(dir, name), relPath);
      else out.push(relPath);
    }
  }
  await walk(root, '');
  return out.sort(
    (a, b) => Number(a.includes('/')) - Number(b.includes('/')) || (a < b ? -1 : a > b ? 1 : 0),
  );
}

/** A tar stream of the folder `root`, every entry under `<topName>/`. */
export function packBag(
  root: string,
  topName: string,
  onBytes?: (n: number) => void,
  signal?: AbortSignal,
): Readable {
  // tar-stream's streams are streamx streams; wrapped as a Node stream through their async iterator.
  // A failure (or cancel) is reported through that Node stream, whose reader listens for it; the
  // streamx stream itself is only closed, so it never emits an 'error' that nobody listens to.
  const pack = tar.pack();
  const out = Readable.from(pack);
  pack.on('error', () => undefined);
  void (async () => {
    try {
      const files = await bagFiles(root);
      const dirs = new Set<string>();
      const mtime = new Date();
      for (const rel of files) {
        for (let d = posix.dirname(rel); d !== '.'; d = posix.dirname(d)) dirs.add(d);
      }
      // Each entry is a streamx stream of its own, still queued if nobody reads the pack yet (age's scrypt
      // runs first): destroying the pack on cancel destroys them with its error, heard here and nowhere else.
      pack.entry({ name: `${topName}/`, type: 'directory', mode: 0o755, mtime }).on('error', () => undefined);
      for (const d of [...dirs].sort())
        pack
          .entry({ name: `${topName}/${d}/`, type: 'directory', mode: 0o755, mtime })
          .on('error', () => undefined);
      for (const rel of files) {
        signal?.throwIfAborted();
        const path = join(root, ...rel.split('/'));
        const size = (await lstat(path)).size;
        const entry = pack.entry({ name: `${topName}/${rel}`, size, mode: 0o644, mtime });
        entry.on('error', () => undefined); // reported by the pipeline below
        const source = createReadStream(path, { highWaterMark: 1024 * 1024 });
        if (onBytes) source.on('data', (c) => onBytes((c as Buffer).length));
        await pipeline(source, entry);
      }
      pack.finalize();
    } catch (e) {
      out.destroy(e as Error);
      pack.destroy();
    }
  })();
  return out;
}

/**
 * Packs and encrypts the bag folder `root` into `out` (already created on the destination). The caller
 * syncs and closes `out`. scrypt work factor 18 is age's own default.
 */
export async function encryptBag(
  root: string,
  topName: string,
  passphrase: string,
  out: DestFile,
  options: { signal?: AbortSignal; onBytes?: (n: number) => void; scryptWorkFactor?: number } = {},
): Promise<void> {
  const e = new Encrypter();
  e.setPassphrase(passphrase);
  if (options.scryptWorkFactor) e.setScryptWorkFactor(options.scryptWorkFactor);
  const plain = Readable.toWeb(
    packBag(root, topName, undefined, options.signal),
  ) as ReadableStream<Uint8Array>;
  const cipher = await e.encrypt(plain);
  for await (const chunk of cipher as unknown as AsyncIterable<Uint8Array>) {
    options.signal?.throwIfAborted();
    await out.write(chunk);
    options.onBytes?.(chunk.length);
  }
}

/** Is this file in the age format (by its first line)? */
export async function isAgeFile(path: string): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(AGE_MAGIC.length);
    await fh.read(buf, 0, buf.length, 0);
    return buf.toString('latin1') === AGE_MAGIC;
  } finally {
    await fh.close();
  }
}

/**
 * The decrypted tar stream of an age file. The header (and so the passphrase) is checked before this
 * resolves: a wrong passphrase is PASSPHRASE_WRONG, a file that is not age is ENCRYPTED_NOT_AGE.
 */
async function decryptedStream(
  path: string,
  passphrase: string,
  onBytes?: (n: number) => void,
): Promise<Readable> {
  if (!(await isAgeFile(path))) throw new HosoError('ENCRYPTED_NOT_AGE', literal(path));
  const d = new Decrypter();
  // The passphrase's scrypt by Node (ageStream.ts, the same parameters as age-encryption's own).
  if (nativeScryptWorks()) d.addIdentity(new NativeScryptIdentity(passphrase));
  else d.addPassphrase(passphrase);
  // The header (passphrase, MAC) by age-encryption, the payload by Node's ChaCha20-Poly1305 (ageStream.ts).
  let fast: Readable | null;
  try {
    fast = await openAgeFile(path, (header) => d.decryptHeader(header), onBytes);
  } catch (e) {
    throw new HosoError('PASSPHRASE_WRONG', undefined, { cause: e });
  }
  if (fast) return fast;
  const source = createReadStream(path, { highWaterMark: 1024 * 1024 });
  if (onBytes) source.on('data', (c) => onBytes((c as Buffer).length));
  let plain: ReadableStream<Uint8Array>;
  try {
    plain = await d.decrypt(Readable.toWeb(source) as ReadableStream<Uint8Array>);
  } catch (e) {
    source.destroy();
    throw new HosoError('PASSPHRASE_WRONG', undefined, { cause: e });
  }
  return Readable.fromWeb(plain as WebReadableStream<Uint8Array>);
}

/** The entry's path inside the bag: the top folder removed; null for the top folder itself. */
function bagPathOf(name: string): string | null {
  const clean = name.replace(/\/+$/, '');
  const slash = clean.indexOf('/');
  return slash < 0 ? null : clean.slice(slash + 1);
}

/**
 * Decrypts an encrypted bag and checks it with the same rules as a folder, without writing the plain
 * bag anywhere: each tar entry is hashed as it streams by. Damage inside the ciphertext (age
 * authenticates every 64 KiB chunk) is reported as a problem of the whole file.
 */
export async function verifyEncryptedBag(
  path: string,
  passphrase: string,
  options: { signal?: AbortSignal; onBytes?: (n: number) => void } = {},
): Promise<BagVerdict> {
  const listing: BagListing = { files: new Map(), texts: new Map(), problems: [] };
  const plain = await decryptedStream(path, passphrase, options.onBytes);
  const extract = tar.extract();
  // streamx streams emit 'error' even when destroyed on purpose (cancel); failures reach us through the
  // pipeline and the iteration below, so an 'error' event nobody listens to must not crash the process.
  extract.on('error', () => undefined);
  const tops = new Set<string>();
  const done = pipeline(plain, extract).catch((e: unknown) => e);
  try {
    for await (const entry of extract) {
      options.signal?.throwIfAborted();
      entry.on('error', () => undefined);
      const name = entry.header.name;
      tops.add(name.split('/')[0]!);
      const rel = bagPathOf(name);
      const unsafe = unsafePathReason(name.replace(/\/+$/, '')) ?? (rel === null ? null : unsafePathReason(rel));
      if (unsafe) {
        listing.problems.push({
          kind: 'unsafe-path',
          path: name,
          message: msg('bag.tarUnsafePath', { path: name, reason: unsafe }),
        });
        entry.resume();
        continue;
      }
      if (entry.header.type === 'directory' || rel === null) {
        entry.resume();
        continue;
      }
      if (entry.header.type !== 'file' && entry.header.type !== 'contiguous-file') {
        listing.problems.push({
          kind: 'not-a-file',
          path: rel,
          message: msg('bag.notAFile', { path: rel }),
        });
        entry.resume();
        continue;
      }
      const algs: HashAlg[] = algorithmsOf(listing.texts.keys());
      const hash = new MultiHash(algs);
      const keep = !rel.includes('/');
      const parts: Buffer[] = [];
      let size = 0;
      for await (const chunk of entry as AsyncIterable<Buffer>) {
        hash.update(chunk);
        size += chunk.length;
        if (keep) parts.push(chunk);
      }
      listing.files.set(rel, { size, hashes: hash.digest() });
      if (keep) listing.texts.set(rel, Buffer.concat(parts).toString('utf8'));
    }
  } catch (e) {
    if (options.signal?.aborted) throw e;
    listing.problems.push({
      kind: 'unreadable',
      path: null,
      message: msg('bag.tarDamaged', { error: (e as Error).message }),
    });
  }
  const failure = await done;
  if (failure && !listing.problems.some((p) => p.kind === 'unreadable')) {
    if (options.signal?.aborted) throw failure;
    listing.problems.push({
      kind: 'unreadable',
      path: null,
      message: msg('bag.tarDamaged', { error: (failure as Error).message }),
    });
  }
  if (tops.size > 1)
    listing.problems.push({
      kind: 'extra',
      path: null,
      message: msg('bag.tarManyRoots', { roots: [...tops].join(', ') }),
    });
  return checkBagListing(listing);
}

/** bag-info.txt is small text: above this it is not read for its Payload-Oxum (and fails the check later). */
const BAG_INFO_MAX_BYTES = 1024 * 1024;

/**
 * Decrypts and unpacks an encrypted bag into `destDir` (for merging it), refusing any entry whose path
 * would leave that folder or is not a plain file or folder. Returns the bag folder.
 *
 * Bounded before a byte is written (issue 19): age does not compress, so the plain tar is never larger
 * than the encrypted file. An entry that declares more bytes than that, or entries that add up to more,
 * are COMPRESSED_ABNORMALLY; more than MERGE_LIMITS.tarMembers entries too. Once bag-info.txt has gone by
 * (hoso writes the tag files first), the payload may not hold more files or bytes than its
 * Payload-Oxum declares (BAG_INVALID). tar-stream itself never gives an entry more bytes than its header.
 */
/** Entries up to this size are gathered in memory and written with one call. */
const SMALL_ENTRY = 4 * 1024 * 1024;

export async function unpackEncryptedBag(
  path: string,
  passphrase: string,
  destDir: string,
  limits: { members?: number } = {},
  run: {
    signal?: AbortSignal;
    onBytes?: (n: number) => void;
    /**
     * Filled as the tar streams by: every file's size and checksums, the root tag files' text (as
     * verifyEncryptedBag lists them), so that `checkBagListing` judges the whole bag without reading it
     * back from the disk.
     */
    listing?: BagListing;
    /** The files (bag-relative paths) written to the disk; the others are only listed. All when absent. */
    keep?: (rel: string) => boolean;
    /** The files it wants (the meeting files) are appended to it instead of written one by one (meetingSpool.ts). */
    spool?: MeetingSpool;
  } = {},
): Promise<string> {
  const cipherBytes = (await stat(path)).size;
  const maxMembers = limits.members ?? MERGE_LIMITS.tarMembers;
  const plain = await decryptedStream(path, passphrase);
  const extract = tar.extract();
  extract.on('error', () => undefined); // failures arrive through `done` and the iteration
  const base = resolve(destDir);
  let top: string | null = null;
  let members = 0;
  let declared = 0;
  let oxum: { bytes: number; files: number } | null = null;
  const payload = { files: 0, bytes: 0 };
  /** Folders already made: a bag's thousands of files share a few hundred. */
  const made = new Set<string>();
  // Settled here and looked at below: a refusal inside the loop must not leave it rejecting unheard.
  const done = pipeline(plain, extract).then(
    () => null,
    (e: unknown) => e,
  );
  try {
    for await (const entry of extract) {
      run.signal?.throwIfAborted();
      entry.on('error', () => undefined);
      const name = entry.header.name.replace(/\/+$/, '');
      const size = entry.header.size ?? 0;
      if (++members > maxMembers)
        throw new HosoError('COMPRESSED_ABNORMALLY', msg('merge.tooManyMembers', { max: maxMembers }));
      declared += size;
      if (size > cipherBytes || declared > cipherBytes)
        throw new HosoError(
          'COMPRESSED_ABNORMALLY',
          msg('merge.memberTooLarge', { path: name.slice(0, 200), size, fileSize: cipherBytes }),
        );
      const reason = unsafePathReason(name);
      const first = name.split('/')[0]!;
      if (reason) throw new HosoError('BAG_INVALID', msg('bag.unsafeEntry', { path: name }));
      if (top !== null && first !== top) throw new HosoError('BAG_INVALID', msg('bag.manyRootsEntry'));
      top = first;
      const target = resolve(base, ...name.split('/'));
      if (!target.startsWith(base + sep))
        throw new HosoError('BAG_INVALID', msg('bag.unsafeEntry', { path: name }));
      const rel = bagPathOf(name);
      if (entry.header.type === 'directory') {
        // Only folders something is written into (a file's folder is made with it anyway): not the
        // hundreds of meeting folders when their files go to the spool.
        if (rel === null || (run.keep?.(rel) ?? true)) {
          await mkdir(target, { recursive: true });
          made.add(target);
        }
        entry.resume();
      } else if (entry.header.type === 'file' || entry.header.type === 'contiguous-file') {
        if (rel?.startsWith('data/')) {
          payload.files++;
          payload.bytes += size;
          if (oxum && (payload.files > oxum.files || payload.bytes > oxum.bytes))
            throw new HosoError('BAG_INVALID', msg('merge.beyondOxum', { files: oxum.files, bytes: oxum.bytes }));
        }
        const listing = run.listing && rel !== null ? run.listing : null;
        if (run.spool && rel !== null && run.spool.wants(rel)) {
          // A meeting file: into the one scratch file, hashed as it streams by (its copy is checked against this).
          const hash = listing ? new MultiHash(algorithmsOf(listing.texts.keys())) : null;
          run.spool.begin(rel);
          let bytes = 0;
          for await (const chunk of entry as AsyncIterable<Buffer>) {
            hash?.update(chunk);
            run.spool.write(chunk);
            bytes += chunk.length;
            run.onBytes?.(chunk.length);
          }
          if (listing && hash) listing.files.set(rel, { size: bytes, hashes: hash.digest() });
          continue;
        }
        if (listing && rel !== null && !(run.keep?.(rel) ?? true)) {
          // Only listed (the browse pages, the snapshot: a merge reads neither): hashed as it streams by.
          const hash = new MultiHash(algorithmsOf(listing.texts.keys()));
          let bytes = 0;
          for await (const chunk of entry as AsyncIterable<Buffer>) {
            hash.update(chunk);
            bytes += chunk.length;
            run.onBytes?.(chunk.length);
          }
          listing.files.set(rel, { size: bytes, hashes: hash.digest() });
          continue;
        }
        const info = rel === 'bag-info.txt' && size <= BAG_INFO_MAX_BYTES ? ([] as Buffer[]) : null;
        const parent = resolve(target, '..');
        if (!made.has(parent)) {
          await mkdir(parent, { recursive: true });
          made.add(parent);
        }
        // A scratch copy, not kept: it is not synced to the disk (a power cut leaves a folder the next
        // session sweeps, and the bag is verified from these files right after). Syncing each of a
        // large bag's thousands of files was most of the time of a merge's preview.
        if (size <= SMALL_ENTRY) {
          // A meeting file or a photo: gathered and written in one call, not one trip per chunk.
          const chunks: Buffer[] = [];
          for await (const chunk of entry as AsyncIterable<Buffer>) {
            chunks.push(chunk);
            run.onBytes?.(chunk.length);
          }
          const bytes = Buffer.concat(chunks);
          info?.push(bytes);
          writeFileSync(target, bytes, { flag: 'wx' });
          if (listing && rel !== null) {
            const hash = new MultiHash(algorithmsOf(listing.texts.keys()));
            hash.update(bytes);
            listing.files.set(rel, { size: bytes.length, hashes: hash.digest() });
            if (!rel.includes('/')) listing.texts.set(rel, bytes.toString('utf8'));
          }
        } else {
          const hash = listing ? new MultiHash(algorithmsOf(listing.texts.keys())) : null;
          // A root file is a tag file: its text is kept (a large bag's manifest is tens of MB).
          const text = listing && rel !== null && !rel.includes('/') ? ([] as Buffer[]) : null;
          let bytes = 0;
          const fh = await open(target, 'wx');
          try {
            for await (const chunk of entry as AsyncIterable<Buffer>) {
              info?.push(chunk);
              hash?.update(chunk);
              text?.push(chunk);
              bytes += chunk.length;
              await fh.write(chunk);
              run.onBytes?.(chunk.length);
            }
          } finally {
            await fh.close();
          }
          if (listing && hash && rel !== null) {
            listing.files.set(rel, { size: bytes, hashes: hash.digest() });
            if (text) listing.texts.set(rel, Buffer.concat(text).toString('utf8'));
          }
        }
        if (info) oxum = declaredOxum(Buffer.concat(info).toString('utf8'));
      } else throw new HosoError('BAG_INVALID', msg('bag.notAFileEntry', { path: name }));
    }
  } catch (e) {
    plain.destroy();
    if (e instanceof HosoError || run.signal?.aborted) throw e;
    // The tar stream broke off: the ciphertext is damaged (age authenticates every chunk).
    throw new HosoError('BAG_INVALID', msg('bag.damagedEntry', { error: (e as Error).message }), { cause: e });
  }
  const failure = await done;
  if (failure)
    throw new HosoError('BAG_INVALID', msg('bag.damagedEntry', { error: (failure as Error).message }), {
      cause: failure,
    });
  if (top === null) throw new HosoError('BAG_INVALID', msg('bag.emptyEntry'));
  return join(base, top);
}

/** A passphrase file as the CLI reads it: the first line, without its line ending. */
export async function readPassphraseFile(file: string): Promise<string> {
  const text = await readFile(file, 'utf8');
  return (text.split(/\r?\n/)[0] ?? '').normalize('NFC');
}
