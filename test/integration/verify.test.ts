import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { exportArchive } from '../../services/archive/exportArchive';
import { verifyArchivePath } from '../../services/archive/verifyArchive';
import { meetingJsonPath } from '../../services/archive/meetingJson';
import { validateBag } from '../helpers/bagitValidator';
import { hoso } from '../helpers/runHoso';
import { tempDir } from '../helpers/tempArchive';
import { ENV, EVERYTHING, exportFixture, type ExportFixture } from './exportFixture';
import { vi } from '../helpers/words';

let f: ExportFixture;
let bag: string;
let work: { dir: string; cleanup: () => void };
beforeAll(async () => {
  f = await exportFixture({ secret: false });
  bag = (await exportArchive(f.archive, { dest: f.usb, selection: EVERYTHING, passphrase: null }, ENV)).path;
  work = tempDir('hoso-verify-');
});
afterAll(() => {
  f.cleanup();
  work.cleanup();
});

let n = 0;
/** A fresh copy of the good bag, tampered with by `change`. */
function tampered(change: (copy: string) => void): string {
  const copy = join(work.dir, `bag-${++n}`);
  cpSync(bag, copy, { recursive: true });
  change(copy);
  return copy;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
function rewriteManifest(copy: string, edit: (text: string) => string) {
  const p = join(copy, 'manifest-sha256.txt');
  writeFileSync(p, edit(readFileSync(p, 'utf8')));
  // Keep the tag manifest consistent so that only the intended problem shows.
  const tm = join(copy, 'tagmanifest-sha256.txt');
  writeFileSync(
    tm,
    readFileSync(tm, 'utf8').replace(
      /^[0-9a-f]{64}(?= {2}manifest-sha256\.txt$)/m,
      sha256(readFileSync(p, 'utf8')),
    ),
  );
}

async function problemsOf(path: string) {
  const r = await verifyArchivePath(path, null);
  return {
    ok: r.ok,
    paths: r.problems.map((p) => p.path),
    kinds: r.problems.map((p) => p.kind),
    messages: r.problems.map((p) => vi(p.message)),
  };
}

/** Tests that run the real `hoso` command (Node + tsx start-up each time). */
const CLI = { timeout: 120_000 };

describe('verify: complete and valid per RFC 8493, each problem named', () => {
  const json = () => `data/${meetingJsonPath(f.ids.giaoBan)}`;

  it('accepts the exported bag (CLI exit 0, both validators)', CLI, async () => {
    expect((await problemsOf(bag)).ok).toBe(true);
    expect(validateBag(bag)).toEqual([]);
    const r = hoso(['verify', bag]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^HỢP LỆ: /);
    const j = hoso(['verify', bag, '--json']);
    expect(j.code).toBe(0);
    expect(JSON.parse(j.stdout)).toEqual([]);
  });

  it('a changed byte in a payload file', CLI, async () => {
    const copy = tampered((c) => {
      const p = join(c, json());
      const b = readFileSync(p);
      b[10] = b[10]! ^ 1;
      writeFileSync(p, b);
    });
    const r = await problemsOf(copy);
    expect(r.kinds).toEqual(['changed']);
    expect(r.paths).toEqual([json()]);
    expect(validateBag(copy)).toEqual([`${json()}: checksum mismatch (manifest-sha256.txt)`]);
    const cli = hoso(['verify', copy]);
    expect(cli.code).toBe(1);
    expect(cli.stdout.trim().split('\n')).toEqual([`Tệp đã bị thay đổi (mã sha256 không khớp): ${json()}`]);
    const cliJson = hoso(['verify', copy, '--json']);
    expect(cliJson.code).toBe(1);
    expect(JSON.parse(cliJson.stdout)).toEqual([
      { kind: 'changed', path: json(), message: `Tệp đã bị thay đổi (mã sha256 không khớp): ${json()}` },
    ]);
  });

  it('a missing payload file (and the Payload-Oxum no longer adds up)', async () => {
    const copy = tampered((c) => rmSync(join(c, json())));
    const r = await problemsOf(copy);
    expect(r.kinds.sort()).toEqual(['bad-oxum', 'missing']);
    expect(r.messages).toContain(`Thiếu tệp: ${json()}`);
    expect(validateBag(copy)).toContain(`${json()}: missing (listed in manifest-sha256.txt)`);
  });

  it('an extra payload file', async () => {
    const copy = tampered((c) => writeFileSync(join(c, 'data', 'ghi-chu.txt'), 'thêm'));
    const r = await problemsOf(copy);
    expect(r.kinds.sort()).toEqual(['bad-oxum', 'extra']);
    expect(r.paths).toContain('data/ghi-chu.txt');
    expect(validateBag(copy)).toContain('data/ghi-chu.txt: not listed in manifest-sha256.txt');
  });

  it('a manifest path leaving the bag (../) or absolute', async () => {
    const copy = tampered((c) =>
      rewriteManifest(
        c,
        (t) => `${t}${'0'.repeat(64)}  data/../../etc/passwd\n${'1'.repeat(64)}  /etc/hosts\n`,
      ),
    );
    const r = await problemsOf(copy);
    expect(r.kinds).toEqual(['unsafe-path', 'unsafe-path']);
    expect(r.paths).toEqual(['data/../../etc/passwd', '/etc/hosts']);
    expect(validateBag(copy)).toEqual([
      'manifest-sha256.txt: unsafe path data/../../etc/passwd',
      'manifest-sha256.txt: unsafe path /etc/hosts',
    ]);
  });

  it('a wrong Payload-Oxum', async () => {
    const copy = tampered((c) => {
      const p = join(c, 'bag-info.txt');
      writeFileSync(p, readFileSync(p, 'utf8').replace(/Payload-Oxum: \d+\.(\d+)/, 'Payload-Oxum: 12.$1'));
    });
    const r = await problemsOf(copy);
    // bag-info.txt changed: both its Oxum and its line in the tag manifest are wrong.
    expect(r.kinds.sort()).toEqual(['bad-oxum', 'bad-tag-file']);
    expect(r.paths).toEqual(['bag-info.txt', 'bag-info.txt']);
    expect(validateBag(copy).join('\n')).toMatch(/bag-info.txt: Payload-Oxum 12\./);
  });

  it('a tag file that no longer matches the tag manifest, and a bad bagit.txt', async () => {
    const copy = tampered((c) => {
      appendFileSync(join(c, 'bag-info.txt'), 'Ghi-Chu: sửa tay\n');
      writeFileSync(join(c, 'bagit.txt'), 'BagIt-Version: 9\n');
    });
    const r = await problemsOf(copy);
    expect(r.paths.sort()).toEqual(['bag-info.txt', 'bagit.txt', 'bagit.txt', 'bagit.txt'].sort());
    expect(r.messages).toContain('Tệp đã bị thay đổi (mã sha256 không khớp): bag-info.txt');
    expect(validateBag(copy)).toContain('bag-info.txt: checksum mismatch (tagmanifest-sha256.txt)');
  });

  it('a folder that is not a bag, and a path that does not exist (exit 2, clear message)', CLI, async () => {
    const empty = join(work.dir, 'trong');
    mkdirSync(empty);
    const r = await problemsOf(empty);
    expect(r.ok).toBe(false);
    expect(r.messages[0]).toMatch(/Thiếu tệp bagit.txt/);
    const missing = hoso(['verify', join(work.dir, 'khong-co')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Không tìm thấy bản lưu trữ/);
  });
});
