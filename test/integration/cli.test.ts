import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { hoso, hosoSpawn } from '../helpers/runHoso';
import { runCli } from '../../cli/run';
import { IMPORT_BATCH_MAX } from '../../contract/importContract';
import { tempDir } from '../helpers/tempArchive';

const t = tempDir('hoso-cli-');
afterAll(() => t.cleanup());
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('hoso command line', () => {
  it('prints Vietnamese usage, and exit 2 for an unknown command', () => {
    const help = hoso(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Kiểm tra toàn vẹn kho hồ sơ');
    const unknown = hoso(['xoa-het']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Lệnh không tồn tại: xoa-het');
  });

  it('a file named on the command line that is not there is said so, with its path, not as an unexpected error', () => {
    const missing = join(t.dir, 'khong-co', 'bao-cao.txt');
    const r = hoso(['import', missing, '--dry-run', '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { code: 'FILE_NOT_FOUND' } });
    expect(r.stderr).toContain('Không tìm thấy tệp hoặc thư mục này');
    expect(r.stderr).toContain(missing);
  });

  it('demo builds an archive that check finds sound; a second demo into it is refused', () => {
    const db = join(t.dir, 'demo.sqlite');
    const demo = hoso(['demo', '--meetings', '300', '--db', db, '--json']);
    expect(demo.code, demo.stderr).toBe(0);
    expect(JSON.parse(demo.stdout)).toMatchObject({ ok: true, meetings: 300 });
    const check = hoso(['check', '--db', db]);
    expect(check.code, check.stdout).toBe(0);
    expect(check.stdout).toContain('Kết quả: TỐT');
    expect(check.stdout).toMatch(/300 cuộc họp/);
    const again = hoso(['demo', '--meetings', '10', '--db', db, '--json']);
    expect(again.code).toBe(2);
    expect(JSON.parse(again.stdout)).toMatchObject({ ok: false, error: { code: 'DEMO_NOT_EMPTY' } });
  });

  it('backup writes a verified snapshot that opens with the same meetings', () => {
    const db = join(t.dir, 'demo.sqlite');
    const out = join(t.dir, 'saoluu');
    const r = hoso(['backup', '--db', db, '--out', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const { path } = JSON.parse(r.stdout) as { path: string };
    expect(path.startsWith(out)).toBe(true);
    // Nothing but the finished backup is left in the folder: no temporary name, no -wal/-shm leftovers.
    expect(readdirSync(out)).toEqual([basename(path)]);
    const copy = new Database(path, { readonly: true });
    expect(copy.prepare('SELECT count(*) AS n FROM meetings').get()).toEqual({ n: 300 });
    copy.close();
  });

  it('check reports a damaged file with exit 1, and no command replaces it', () => {
    const db = join(t.dir, 'hong.sqlite');
    writeFileSync(db, Buffer.concat([Buffer.from('SQLite format 3\0'), randomBytes(40_000)]));
    const before = sha(db);
    const check = hoso(['check', '--db', db]);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/LỖI: Kho hồ sơ bị hỏng/);
    const demo = hoso(['demo', '--meetings', '5', '--db', db]);
    expect(demo.code).toBe(2);
    expect(demo.stderr).toMatch(/bị hỏng/);
    expect(sha(db)).toBe(before);
  });

  it('check on a missing file says so and does not create one', () => {
    const db = join(t.dir, 'khong-co.sqlite');
    const check = hoso(['check', '--db', db]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('Không tìm thấy tệp kho hồ sơ');
    expect(existsSync(db)).toBe(false);
  });

  it('a demo killed mid-run (SIGKILL) leaves an archive that opens and passes check', async () => {
    const db = join(t.dir, 'killed.sqlite');
    const child = hosoSpawn(['demo', '--meetings', '200000', '--db', db]);
    // Wait for the first progress line: at least one batch is committed, more are being written.
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no progress from demo')), 120_000);
      child.stderr!.on('data', (d: Buffer) => {
        if (d.toString().includes('cuộc họp')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    await new Promise((r) => setTimeout(r, 1500));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const check = hoso(['check', '--db', db, '--json']);
    expect(check.code, check.stdout).toBe(0);
    const report = JSON.parse(check.stdout) as { ok: boolean; counts: { meetings: number } };
    expect(report.ok).toBe(true);
    expect(report.counts.meetings).toBeGreaterThan(0);
    expect(report.counts.meetings).toBeLessThan(200_000);
    // Waits up to 120 s for the demo's first batch above: on a loaded machine that alone passed 30 s.
  }, 180_000);
});

describe('hoso check and sealed records', () => {
  it('reports a finalized record changed behind the app’s back, naming it', () => {
    const db = join(t.dir, 'sealed.sqlite');
    expect(hoso(['demo', '--meetings', '60', '--db', db]).code).toBe(0);
    const clean = hoso(['check', '--db', db]);
    expect(clean.code, clean.stdout).toBe(0);
    expect(clean.stdout).toMatch(/Đã kiểm tra niêm phong \d+ hồ sơ đã khóa/);
    const raw = new Database(db);
    const sealed = raw.prepare("SELECT id, title FROM meetings WHERE status = 'finalized' LIMIT 1").get() as { id: string; title: string };
    raw.prepare('UPDATE conclusions SET text = text || \' (sửa lén)\' WHERE meeting_id = ?').run(sealed.id);
    raw.close();
    const check = hoso(['check', '--db', db]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`LỖI: Hồ sơ đã khóa “${sealed.title}”`);
    expect(check.stdout).toMatch(/kết luận/);
  });
});

describe('hoso import of more files than one import/batch call takes', () => {
  it('saves every file, one line each as it goes, in the order given', async () => {
    const db = join(t.dir, 'many.sqlite');
    expect(hoso(['demo', '--meetings', '1', '--db', db]).code).toBe(0);
    const folder = join(t.dir, 'bao-cao');
    mkdirSync(folder);
    const n = IMPORT_BATCH_MAX + 5;
    for (let i = 1; i <= n; i++) {
      const day = String((i % 28) + 1).padStart(2, '0');
      writeFileSync(
        join(folder, `bao-cao-${String(i).padStart(3, '0')}.txt`),
        `Hội nghị giao ban công tác số ${i} của Văn phòng\n\nSáng ${day}/03/2025, Văn phòng tổ chức hội nghị giao ban lần thứ ${i}.\n`,
      );
    }
    const out: string[] = [];
    const code = await runCli(['import', folder, '--db', db], { out: (l) => out.push(l), err: () => {}, untilStopped: () => new Promise(() => {}) });
    expect(code, out.join('\n')).toBe(0);
    const lines = out.filter((l) => /^(ĐÃ NHẬP|CẦN XEM LẠI): /.test(l));
    expect(lines).toHaveLength(n);
    expect(lines[0]).toContain('bao-cao-001.txt');
    expect(lines[n - 1]).toContain(`bao-cao-${n}.txt`);
    const total = /^Tổng: (\d+) đã nhập, (\d+) cần xem lại, 0 trùng \(bỏ qua\), 0 lỗi\.$/.exec(out.at(-1)!.trim());
    expect(Number(total?.[1]) + Number(total?.[2])).toBe(n);
  }, 180_000);
});
