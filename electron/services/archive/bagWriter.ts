import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { posix } from 'node:path';
import { join } from 'node:path';
import type { DestFs, DestFile } from './destFs';
import { windowsNameProblem } from './safeNames';
import {
  BAG_INFO,
  BAGIT_DECLARATION,
  BAGIT_TXT,
  MANIFEST,
  PAYLOAD_DIR,
  TAG_MANIFEST,
  manifestLine,
  payloadOxum,
  tagLine,
  unsafePathReason,
} from './bagFormat';

const CHUNK = 1024 * 1024;

export interface BagWriterProgress {
  /** Bytes just written (payload or tag file). */
  bytes(n: number): void;
  /** One file finished (fsynced). */
  file(path: string): void;
}

/**
 * Writes a BagIt 1.0 bag (RFC 8493) into `root`, which the caller created under a temporary name.
 * Each payload file is copied in 1 MB pieces, hashed as it is written (one read of the source), and
 * fsynced; the manifests, bag-info.txt and tag manifest are written last, so a bag without its
 * tagmanifest was never finished. Every folder made is fsynced at the end so the names survive too.
 */
export class BagWriter {
  private readonly manifest: { path: string; sha256: string }[] = [];
  private readonly dirs = new Set<string>();
  private payloadBytes = 0;

  constructor(
    private readonly root: string,
    private readonly fs: DestFs,
    private readonly progress: BagWriterProgress,
    private readonly signal?: AbortSignal,
    /** Largest single file the destination takes (FAT32: 4 GiB − 1). */
    private readonly maxFileBytes = Number.POSITIVE_INFINITY,
  ) {}

  get payload(): { bytes: number; files: number } {
    return { bytes: this.payloadBytes, files: this.manifest.length };
  }

  /** Copies the file at `source` to `data/<path>`. */
  async addFile(path: string, source: string): Promise<void> {
    const src = await open(source, 'r');
    try {
      const size = (await src.stat()).size;
      this.checkSize(path, size);
      const buf = Buffer.allocUnsafe(CHUNK);
      const sha256 = await this.writeFile(`${PAYLOAD_DIR}/${path}`, async (emit) => {
        for (;;) {
          const { bytesRead } = await src.read(buf, 0, CHUNK, null);
          if (bytesRead === 0) break;
          await emit(buf.subarray(0, bytesRead));
        }
      });
      this.manifest.push({ path: `${PAYLOAD_DIR}/${path}`, sha256 });
      this.payloadBytes += size;
    } finally {
      await src.close();
    }
  }

  /** Writes `bytes` (a JSON file, a page) to `data/<path>`. */
  async addBytes(path: string, bytes: Uint8Array | string): Promise<void> {
    const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
    this.checkSize(path, data.length);
    const sha256 = await this.writeFile(`${PAYLOAD_DIR}/${path}`, (emit) => emit(data));
    this.manifest.push({ path: `${PAYLOAD_DIR}/${path}`, sha256 });
    this.payloadBytes += data.length;
  }

  /**
   * Writes bagit.txt, the payload manifest, bag-info.txt (the given fields plus Payload-Oxum and
   * Bagging-Date) and the tag manifest over those three.
   */
  async finish(info: [string, string | number][]): Promise<{ bytes: number; files: number }> {
    const sorted = [...this.manifest].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const manifestText = sorted.map((e) => manifestLine(e.sha256, e.path)).join('');
    const bagInfo =
      info.map(([k, v]) => tagLine(k, v)).join('') +
      tagLine('Payload-Oxum', payloadOxum(this.payloadBytes, this.manifest.length)) +
      tagLine('Bagging-Date', new Date().toISOString().slice(0, 10));
    const tags: [string, string][] = [
      [BAGIT_DECLARATION, BAGIT_TXT],
      [MANIFEST, manifestText],
      [BAG_INFO, bagInfo],
    ];
    const tagHashes: [string, string][] = [];
    for (const [name, text] of tags) {
      const data = Buffer.from(text, 'utf8');
      tagHashes.push([name, await this.writeFile(name, (emit) => emit(data))]);
    }
    const tagManifest = Buffer.from(tagHashes.map(([name, h]) => manifestLine(h, name)).join(''), 'utf8');
    await this.writeFile(TAG_MANIFEST, (emit) => emit(tagManifest));
    // Deepest folders first, the bag's root last: each parent then records a child that is already durable.
    for (const dir of [...this.dirs].sort((a, b) => b.length - a.length)) await this.fs.syncDir(join(this.root, dir));
    await this.fs.syncDir(this.root);
    return this.payload;
  }

  private checkSize(path: string, size: number): void {
    if (size > this.maxFileBytes) throw new FileTooLargeError(path, size);
  }

  private async writeFile(relPath: string, produce: (emit: (chunk: Uint8Array) => Promise<void>) => Promise<void>): Promise<string> {
    const unsafe = unsafePathReason(relPath);
    if (unsafe) throw new Error(`unsafe bag path ${relPath}: ${unsafe}`);
    for (const segment of relPath.split('/')) {
      const problem = windowsNameProblem(segment);
      if (problem) throw new Error(`file name not safe on Windows/FAT32 (${relPath}): ${problem}`);
    }
    await this.ensureDir(posix.dirname(relPath));
    const hash = createHash('sha256');
    const file: DestFile = await this.fs.create(join(this.root, relPath));
    let closed = false;
    try {
      await produce(async (chunk) => {
        this.signal?.throwIfAborted();
        hash.update(chunk);
        await file.write(chunk);
        this.progress.bytes(chunk.length);
      });
      await file.sync();
      closed = true;
      await file.close();
    } finally {
      if (!closed) await file.close().catch(() => undefined);
    }
    this.progress.file(relPath);
    return hash.digest('hex');
  }

  private async ensureDir(dir: string): Promise<void> {
    if (dir === '.' || this.dirs.has(dir)) return;
    await this.ensureDir(posix.dirname(dir));
    await this.fs.mkdir(join(this.root, dir));
    this.dirs.add(dir);
  }
}

/** A file larger than the destination's file system takes (FAT32: 4 GiB − 1 byte). */
export class FileTooLargeError extends Error {
  constructor(
    readonly path: string,
    readonly size: number,
  ) {
    super(`${path} is ${size} bytes, over the destination's file size limit`);
  }
}
