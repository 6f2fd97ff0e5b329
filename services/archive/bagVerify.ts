import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  BAG_INFO,
  BAGIT_DECLARATION,
  PAYLOAD_DIR,
  parseManifest,
  parseOxum,
  parseTagFile,
  unsafePathReason,
} from './bagFormat';
import { msg, type Message } from '../../contract/messages/message';

/**
 * Checks that a bag is complete and valid (RFC 8493 §3): bagit.txt declares BagIt 1.0 (or 0.97), every
 * payload manifest lists every payload file and each listed file exists with the listed checksum, the
 * Payload-Oxum matches, the tag manifests match their tag files, and no listed path leaves the bag.
 * The checks run over a listing (path → size and checksums, plus the tag files' text) so the same rules
 * apply to a folder on a stick and to a bag streamed out of an encrypted tar.
 */

export type HashAlg = 'sha256' | 'sha512';
export const SUPPORTED_ALGS: readonly HashAlg[] = ['sha256', 'sha512'];

export type BagProblemKind =
  | 'missing'
  | 'changed'
  | 'extra'
  | 'unsafe-path'
  | 'bad-declaration'
  | 'no-manifest'
  | 'bad-manifest'
  | 'bad-tag-file'
  | 'bad-oxum'
  | 'not-a-file'
  | 'unreadable';

export interface BagProblem {
  kind: BagProblemKind;
  /** The file concerned, relative to the bag's root (`data/…`, `bag-info.txt`), or null for the whole bag. */
  path: string | null;
  /** One line for the clerk, worded at the edge (`hoso verify` in Vietnamese, the screen in its language). */
  message: Message;
}

export interface BagListing {
  /** Every regular file, relative `/`-separated path → size and the checksums computed. */
  files: Map<string, { size: number; hashes: Partial<Record<HashAlg, string>> }>;
  /** Text of the files at the bag's root (tag files), by name. */
  texts: Map<string, string>;
  /** Problems met while listing (links, unsafe names in a tar…). */
  problems: BagProblem[];
}

export interface BagVerdict {
  ok: boolean;
  problems: BagProblem[];
  payload: { bytes: number; files: number };
  bagInfo: Record<string, string>;
}

const MANIFEST_NAME = /^(tag)?manifest-([a-z0-9]+)\.txt$/;

export function checkBagListing(listing: BagListing): BagVerdict {
  const problems: BagProblem[] = [...listing.problems];
  const add = (kind: BagProblemKind, path: string | null, message: Message) =>
    problems.push({ kind, path, message });

  const declaration = listing.texts.get(BAGIT_DECLARATION);
  if (declaration === undefined)
    add('bad-declaration', BAGIT_DECLARATION, msg('bag.noDeclaration'));
  else {
    const fields = new Map(parseTagFile(declaration).fields);
    const version = fields.get('BagIt-Version');
    if (version !== '1.0' && version !== '0.97')
      add(
        'bad-declaration',
        BAGIT_DECLARATION,
        version === undefined ? msg('bag.noVersion') : msg('bag.wrongVersion', { version }),
      );
    if (!fields.has('Tag-File-Character-Encoding'))
      add('bad-declaration', BAGIT_DECLARATION, msg('bag.noEncoding'));
  }

  const payloadFiles = [...listing.files.keys()].filter((p) => p.startsWith(`${PAYLOAD_DIR}/`));
  let payloadBytes = 0;
  for (const p of payloadFiles) payloadBytes += listing.files.get(p)!.size;

  const manifests = [...listing.texts.keys()].filter((n) => MANIFEST_NAME.test(n)).sort();
  const payloadManifests = manifests.filter((n) => !n.startsWith('tag'));
  if (payloadManifests.length === 0)
    add('no-manifest', null, msg('bag.noManifest'));

  for (const name of manifests) {
    const tag = name.startsWith('tag');
    const alg = MANIFEST_NAME.exec(name)![2] as HashAlg;
    if (!SUPPORTED_ALGS.includes(alg)) {
      add('bad-manifest', name, msg('bag.unsupportedAlgorithm', { manifest: name, algorithm: alg }));
      continue;
    }
    const { entries, bad } = parseManifest(listing.texts.get(name)!);
    for (const line of bad)
      add(
        tag ? 'bad-tag-file' : 'bad-manifest',
        name,
        // Line numbers (and byte counts below) as the file counts them: not grouped like a quantity.
        msg('bag.badManifestLine', { manifest: name, line: String(line) }),
      );
    const listed = new Set<string>();
    for (const e of entries) {
      const unsafe = unsafePathReason(e.path);
      if (unsafe) {
        add('unsafe-path', e.path, msg('bag.unsafePath', { manifest: name, path: e.path, reason: unsafe }));
        continue;
      }
      if (tag === e.path.startsWith(`${PAYLOAD_DIR}/`)) {
        add(
          tag ? 'bad-tag-file' : 'bad-manifest',
          e.path,
          msg(tag ? 'bag.notTagFile' : 'bag.notPayloadFile', { manifest: name, path: e.path }),
        );
        continue;
      }
      if (listed.has(e.path)) {
        add(tag ? 'bad-tag-file' : 'bad-manifest', e.path, msg('bag.listedTwice', { manifest: name, path: e.path }));
        continue;
      }
      listed.add(e.path);
      const file = listing.files.get(e.path);
      if (!file) {
        add('missing', e.path, msg('bag.missing', { path: e.path }));
        continue;
      }
      const actual = file.hashes[alg];
      if (actual === undefined) add('unreadable', e.path, msg('bag.noChecksum', { algorithm: alg, path: e.path }));
      else if (actual !== e.sha256)
        add(tag ? 'bad-tag-file' : 'changed', e.path, msg('bag.changed', { algorithm: alg, path: e.path }));
    }
    if (!tag) {
      for (const p of payloadFiles)
        if (!listed.has(p) && !unsafePathReason(p)) add('extra', p, msg('bag.extra', { manifest: name, path: p }));
    }
  }

  const bagInfo: Record<string, string> = {};
  const infoText = listing.texts.get(BAG_INFO);
  if (infoText !== undefined) {
    const parsed = parseTagFile(infoText);
    for (const line of parsed.bad)
      add('bad-tag-file', BAG_INFO, msg('bag.badInfoLine', { line: String(line) }));
    for (const [k, v] of parsed.fields) bagInfo[k] ??= v;
    const oxum = bagInfo['Payload-Oxum'];
    if (oxum !== undefined) {
      const declared = parseOxum(oxum);
      if (!declared) add('bad-oxum', BAG_INFO, msg('bag.badOxum', { oxum }));
      else if (declared.bytes !== payloadBytes || declared.files !== payloadFiles.length)
        add(
          'bad-oxum',
          BAG_INFO,
          msg('bag.oxumMismatch', {
            bytes: String(declared.bytes),
            files: String(declared.files),
            actualBytes: String(payloadBytes),
            actualFiles: String(payloadFiles.length),
          }),
        );
    }
  }
  return {
    ok: problems.length === 0,
    problems,
    payload: { bytes: payloadBytes, files: payloadFiles.length },
    bagInfo,
  };
}

/** The system's code of a failed read (ENOENT, EIO…), or a word for its absence. */
export function errnoCode(e: unknown): string | Message {
  return (e as NodeJS.ErrnoException | null)?.code ?? msg('bag.noErrorCode');
}

/** Streams a file once through the requested hashes. */
export class MultiHash {
  private readonly hashes: [HashAlg, ReturnType<typeof createHash>][];
  constructor(algs: Iterable<HashAlg>) {
    this.hashes = [...new Set(algs)].map((a) => [a, createHash(a)]);
  }
  update(chunk: Uint8Array): void {
    for (const [, h] of this.hashes) h.update(chunk);
  }
  digest(): Partial<Record<HashAlg, string>> {
    return Object.fromEntries(this.hashes.map(([a, h]) => [a, h.digest('hex')]));
  }
}

/** The algorithms a bag's manifests ask for, from their file names. */
export function algorithmsOf(rootNames: Iterable<string>): HashAlg[] {
  const algs = new Set<HashAlg>(['sha256']);
  for (const n of rootNames) {
    const alg = MANIFEST_NAME.exec(n)?.[2];
    if (alg && (SUPPORTED_ALGS as readonly string[]).includes(alg)) algs.add(alg as HashAlg);
  }
  return [...algs];
}

export interface VerifyOptions {
  signal?: AbortSignal;
  /** Bytes read so far, for a progress bar. */
  onBytes?: (n: number) => void;
}

const TEXT_MAX = 64 * 1024 * 1024;
/** Files up to this size are read in one synchronous call (see verifyBagDir). */
const SMALL_FILE = 256 * 1024;
/** Longest run of synchronous reads before the event loop gets a turn (progress, cancel, the app's IPC). */
const SLICE_MS = 20;

/**
 * Reads a bag folder (every byte, from the device) and checks it.
 *
 * A bag of a large archive holds hundreds of thousands of small files (a JSON file and a page per
 * meeting). Read through promises, each costs five trips through the thread pool (readdir entry,
 * open, read, read to the end, close) and the read-back took longer than writing; read with one
 * synchronous call each, in runs of SLICE_MS between turns of the event loop, they cost a few
 * microseconds. Large files (photos, the snapshot) are streamed in 1 MB pieces, asynchronously.
 */
export async function verifyBagDir(root: string, options: VerifyOptions = {}): Promise<BagVerdict> {
  const listing: BagListing = { files: new Map(), texts: new Map(), problems: [] };
  let rootNames: string[];
  try {
    rootNames = await readdir(root);
  } catch (e) {
    return {
      ok: false,
      problems: [
        {
          kind: 'unreadable',
          path: null,
          message: msg('bag.unreadableFolder', { path: root, code: errnoCode(e) }),
        },
      ],
      payload: { bytes: 0, files: 0 },
      bagInfo: {},
    };
  }
  const algs = algorithmsOf(rootNames);
  const buf = Buffer.allocUnsafe(1024 * 1024);
  let sliceStart = performance.now();
  const unreadable = (relPath: string, e: unknown) =>
    listing.problems.push({
      kind: 'unreadable',
      path: relPath,
      message: msg('bag.unreadableFile', { path: relPath, code: errnoCode(e) }),
    });

  async function hashLarge(path: string, hash: MultiHash, keep: Buffer[] | null): Promise<number> {
    let size = 0;
    const fh = await open(path, 'r');
    try {
      for (;;) {
        options.signal?.throwIfAborted();
        const { bytesRead } = await fh.read(buf, 0, buf.length, null);
        if (bytesRead === 0) break;
        const chunk = buf.subarray(0, bytesRead);
        hash.update(chunk);
        keep?.push(Buffer.from(chunk));
        size += bytesRead;
        options.onBytes?.(bytesRead);
      }
    } finally {
      await fh.close();
    }
    return size;
  }

  async function walk(dir: string, rel: string): Promise<void> {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
    for (const entry of entries) {
      const path = join(dir, entry.name);
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        await walk(path, relPath);
        continue;
      }
      if (!entry.isFile()) {
        listing.problems.push({
          kind: 'not-a-file',
          path: relPath,
          message: msg('bag.notAFile', { path: relPath }),
        });
        continue;
      }
      if (performance.now() - sliceStart > SLICE_MS) {
        await new Promise((r) => setImmediate(r));
        options.signal?.throwIfAborted();
        sliceStart = performance.now();
      }
      const hash = new MultiHash(algs);
      const keepText = !rel;
      let size: number;
      let text: Buffer | null = null;
      try {
        const st = statSync(path);
        if (st.size <= SMALL_FILE) {
          const data = readFileSync(path);
          hash.update(data);
          options.onBytes?.(data.length);
          size = data.length;
          text = keepText ? data : null;
        } else {
          const parts: Buffer[] | null = keepText && st.size <= TEXT_MAX ? [] : null;
          size = await hashLarge(path, hash, parts);
          text = parts ? Buffer.concat(parts) : null;
          sliceStart = performance.now();
        }
      } catch (e) {
        if (options.signal?.aborted) throw e;
        unreadable(relPath, e);
        continue;
      }
      listing.files.set(relPath, { size, hashes: hash.digest() });
      if (text) listing.texts.set(relPath, text.toString('utf8'));
    }
  }
  await walk(root, '');
  return checkBagListing(listing);
}
