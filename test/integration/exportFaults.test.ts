import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportArchive } from '../../services/archive/exportArchive';
import { FAT32_MAX_FILE_BYTES, maxFileBytesFor, nodeDestFs, type DestFs } from '../../services/archive/destFs';
import { ProblemsError, type ProgressSink } from '../../services/archive/jobs';
import { HosoError } from '../../contract/errors';
import { ENV, EVERYTHING, exportFixture, type ExportFixture } from './exportFixture';
import { vi } from '../helpers/words';

let f: ExportFixture;
beforeEach(async () => {
  f = await exportFixture({ secret: false });
});
afterEach(() => f.cleanup());

const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

/** The real file system, except that writing fails with `code` once `afterBytes` bytes went through. */
function failingFs(code: string, afterBytes: number, options: { alsoRemove?: boolean } = {}): DestFs & { written: () => number } {
  let written = 0;
  return {
    ...nodeDestFs,
    written: () => written,
    create: async (path) => {
      if (written >= afterBytes) throw errno(code);
      const file = await nodeDestFs.create(path);
      return {
        ...file,
        write: async (chunk) => {
          if (written + chunk.length > afterBytes) throw errno(code);
          written += chunk.length;
          await file.write(chunk);
        },
      };
    },
    // A pulled stick cannot be cleaned up either.
    remove: options.alsoRemove ? async () => Promise.reject(errno(code)) : nodeDestFs.remove,
  };
}

async function failure(p: Promise<unknown>): Promise<HosoError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(HosoError);
  return e as HosoError;
}

const finalNames = (dir: string) => readdirSync(dir).filter((n) => !n.endsWith('.partial'));

describe('export faults leave no bag under a final name', () => {
  it('a full stick (ENOSPC) mid-write: clear message, the partial bag removed', async () => {
    const e = await failure(exportArchive(f.archive, { dest: f.usb, selection: EVERYTHING, passphrase: null }, { ...ENV, fs: failingFs('ENOSPC', 200_000) }));
    expect(e.code).toBe('EXPORT_DEST_FULL');
    expect(e.message).toMatch(/không đủ chỗ trống/);
    expect(readdirSync(f.usb)).toEqual([]);
  });

  it('a pulled stick (EIO, nothing can be removed): no final name, the leftover is only a .partial', async () => {
    const e = await failure(
      exportArchive(f.archive, { dest: f.usb, selection: EVERYTHING, passphrase: null }, { ...ENV, fs: failingFs('EIO', 150_000, { alsoRemove: true }) }),
    );
    expect(e.code).toBe('EXPORT_DEST_GONE');
    expect(e.message).toMatch(/USB bị rút ra/);
    expect(finalNames(f.usb)).toEqual([]);
    expect(readdirSync(f.usb).every((n) => n.endsWith('.partial'))).toBe(true);
  });

  it('a stick gone between files (ENOENT on create) is the same clear message', async () => {
    const e = await failure(exportArchive(f.archive, { dest: f.usb, selection: EVERYTHING, passphrase: null }, { ...ENV, fs: failingFs('ENOENT', 1) }));
    expect(e.code).toBe('EXPORT_DEST_GONE');
    expect(readdirSync(f.usb)).toEqual([]);
  });

  it('too little free space is refused before anything is written (free space from statfs)', async () => {
    const tiny: DestFs = { ...nodeDestFs, statfs: async (p) => ({ ...(await nodeDestFs.statfs(p)), bavail: 10, bsize: 4096 }) };
    const e = await failure(exportArchive(f.archive, { dest: f.usb, selection: EVERYTHING, passphrase: null }, { ...ENV, fs: tiny }));
    expect(e.code).toBe('EXPORT_DEST_FULL');
    expect(e.message).toMatch(/cần khoảng .* còn trống/);
    expect(readdirSync(f.usb)).toEqual([]);
  });

  it('FAT32: a file over the limit is refused with a clear message before anything is written', async () => {
    expect(maxFileBytesFor({ type: 0x4d44 } as never)).toBe(FAT32_MAX_FILE_BYTES);
    expect(maxFileBytesFor({ type: 0xef53 } as never)).toBe(Infinity); // ext4
    const fat: DestFs = { ...nodeDestFs, statfs: async (p) => ({ ...(await nodeDestFs.statfs(p)), type: 0x4d44 }) };
    // Detected from statfs: the small archive fits under 4 GiB.
    const ok = await exportArchive(f.archive, { dest: f.usb, selection: EVERYTHING, passphrase: null }, { ...ENV, fs: fat });
    expect(ok.verified).toBe(true);
    // The limit made small (as if the snapshot were over 4 GiB): refused up front.
    const e = await failure(exportArchive(f.archive, { dest: f.usb, selection: EVERYTHING, passphrase: null }, { ...ENV, fs: fat, maxFileBytes: 20_000 }));
    expect(e.code).toBe('EXPORT_FILE_TOO_LARGE');
    expect(e.message).toMatch(/FAT32/);
    expect(finalNames(f.usb)).toEqual([ok.name]);
  });

  it('cancel at any moment: nothing left on the stick, the archive untouched', async () => {
    for (const at of ['preparing', 'writing', 'verifying'] as const) {
      const controller = new AbortController();
      const progress: ProgressSink = {
        phase: (p) => {
          if (p === at && at === 'preparing') controller.abort();
        },
        bytes: () => {
          if (at !== 'preparing') controller.abort();
        },
        file: () => undefined,
      };
      let phaseSeen = '';
      const watch: ProgressSink = {
        ...progress,
        phase: (p, b, n) => {
          phaseSeen = p;
          progress.phase(p, b, n);
        },
        bytes: (n) => {
          if (phaseSeen === at) progress.bytes(n);
        },
      };
      const e = await failure(exportArchive(f.archive, { dest: f.usb, selection: EVERYTHING, passphrase: null }, { ...ENV, signal: controller.signal, progress: watch }));
      expect(e.code, at).toBe('EXPORT_CANCELLED');
      expect(readdirSync(f.usb), at).toEqual([]);
    }
    expect(f.archive.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'export'").get()).toEqual({ n: 0 });
  });

  it('read-back verification: a byte changed on the stick after writing is reported file by file, the bag is not kept', async () => {
    const e = await failure(
      exportArchive(
        f.archive,
        { dest: f.usb, selection: EVERYTHING, passphrase: null },
        {
          ...ENV,
          afterWrite: (partial) => {
            const photo = join(partial, 'data', 'photos', f.photoHashes[1]!.slice(0, 2), `${f.photoHashes[1]}.jpg`);
            const bytes = readFileSync(photo);
            bytes[100] = bytes[100]! ^ 0xff;
            writeFileSync(photo, bytes);
            writeFileSync(join(partial, 'data', 'index.html'), 'hỏng');
          },
        },
      ),
    );
    expect(e.code).toBe('EXPORT_VERIFY_FAILED');
    expect(e).toBeInstanceOf(ProblemsError);
    const problems = (e as ProblemsError).problems;
    expect(problems.map((p) => p.path).sort()).toEqual(
      ['data/index.html', `data/photos/${f.photoHashes[1]!.slice(0, 2)}/${f.photoHashes[1]}.jpg`, 'bag-info.txt'].sort(),
    );
    expect(vi(problems.find((p) => p.path === 'data/index.html')!.message)).toBe('Tệp đã bị thay đổi (mã sha256 không khớp): data/index.html');
    expect(readdirSync(f.usb)).toEqual([]);
  });

  it('the payload is made durable (synced) before the tag files that declare the bag complete, then the folders', async () => {
    const events: string[] = [];
    const recording: DestFs = {
      ...nodeDestFs,
      create: async (path) => {
        events.push(`create ${path.split(/[\\/]/).at(-1)}`);
        return nodeDestFs.create(path);
      },
      syncFiles: async (root, files, signal) => {
        events.push(`syncFiles ${files.length}`);
        await nodeDestFs.syncFiles(root, files, signal);
      },
      syncDir: async (path) => {
        events.push('syncDir');
        await nodeDestFs.syncDir(path);
      },
      rename: async (from, to) => {
        events.push('rename');
        await nodeDestFs.rename(from, to);
      },
    };
    const r = await exportArchive(f.archive, { dest: f.usb, selection: EVERYTHING, passphrase: null }, { ...ENV, fs: recording });
    const sync = events.indexOf(`syncFiles ${r.payloadFiles}`);
    expect(sync).toBeGreaterThan(0);
    expect(events.slice(0, sync).filter((e) => e.startsWith('create')).length).toBe(r.payloadFiles);
    expect(events.slice(sync + 1, sync + 6)).toEqual(['create bagit.txt', 'create manifest-sha256.txt', 'create bag-info.txt', 'create index.html', 'create tagmanifest-sha256.txt']);
    expect(events.slice(sync + 6).every((e) => e === 'syncDir' || e === 'rename')).toBe(true);
    expect(events.at(-2)).toBe('rename');
    expect(events.at(-1)).toBe('syncDir');
  });

  it('reports progress: writing then verifying, bytes and files counted up to the payload', async () => {
    const seen: { phase: string; bytes: number; files: number; total: number }[] = [];
    const progress: ProgressSink = {
      phase: (phase, total) => seen.push({ phase, bytes: 0, files: 0, total }),
      bytes: (n) => (seen.at(-1)!.bytes += n),
      file: () => (seen.at(-1)!.files += 1),
    };
    const r = await exportArchive(f.archive, { dest: f.usb, selection: EVERYTHING, passphrase: null }, { ...ENV, progress });
    expect(seen.map((s) => s.phase)).toEqual(['preparing', 'writing', 'verifying', 'finishing']);
    const writing = seen[1]!;
    expect(writing.total).toBeGreaterThan(0);
    expect(writing.files).toBe(r.payloadFiles + 5); // payload plus bagit.txt, manifest, bag-info, the top index.html, tag manifest
    expect(writing.bytes).toBeGreaterThanOrEqual(r.payloadBytes);
    expect(seen[2]!.bytes).toBeGreaterThanOrEqual(r.payloadBytes);
    expect(existsSync(r.path)).toBe(true);
  });
});
