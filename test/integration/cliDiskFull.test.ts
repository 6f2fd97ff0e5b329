import { afterAll, describe, expect, it } from 'vitest';
import { closeSync, mkdirSync, openSync, statfsSync, writeFileSync, writeSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { hoso } from '../helpers/runHoso';
import { tempDir } from '../helpers/tempArchive';

/**
 * A command's own writes meet a full disk (issue 8 §5, found by the crash-test work): `hoso import` of a
 * long report into an archive whose disk has room to open it but not for the report. The clerk reads
 * the same Vietnamese message the app gives (DISK_FULL), not "Lỗi không mong muốn: database or disk is
 * full", and the archive still checks clean with what it held before. Needs a real small disk: a tmpfs,
 * which the test mounts (CI runs as root).
 */
const t = tempDir('hoso-cli-full-');
const disk = join(t.dir, 'disk');
mkdirSync(disk);
const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', disk]).status === 0;
afterAll(() => {
  if (mounted) spawnSync('umount', ['-l', disk]);
  t.cleanup();
});

/** A long report in the style clerks paste, every paragraph different (it cannot compress into few pages). */
function longReport(paragraphs: number): string {
  const out = [
    'Hội nghị tổng kết công tác quân sự, quốc phòng địa phương năm 2025',
    '',
    'Sáng 12/01/2026, Đảng ủy Quân sự tỉnh tổ chức hội nghị tổng kết.',
    '',
  ];
  for (let i = 0; i < paragraphs; i++)
    out.push(
      `Đoạn ${i}: Đại tá Nguyễn Văn Bình, Chỉ huy trưởng, yêu cầu đơn vị số ${i * 13 + 7} rà soát kế hoạch huấn luyện dân quân tự vệ năm ${2000 + (i % 40)}, bảo đảm an toàn tuyệt đối.`,
      '',
    );
  return out.join('\n');
}

describe('a full disk under a command line write', () => {
  it('hoso import is refused with DISK_FULL in Vietnamese, and the archive keeps what it had', () => {
    expect(mounted, 'this test needs to mount a small tmpfs (run as root, as CI does)').toBe(true);
    const db = join(disk, 'kho.sqlite');
    expect(hoso(['demo', '--meetings', '5', '--db', db]).code).toBe(0);
    const report = join(t.dir, 'Báo cáo tổng kết.txt');
    writeFileSync(report, longReport(9_000)); // about 1.5 MB of text: far more than the room left
    // Leave room to open the archive (its -wal and -shm) but not to store the report.
    const fd = openSync(join(disk, 'filler.bin'), 'w');
    const chunk = Buffer.alloc(64 * 1024, 0x55);
    try {
      while (statfsSync(disk).bavail * statfsSync(disk).bsize > 512 * 1024) writeSync(fd, chunk);
    } finally {
      closeSync(fd);
    }
    const r = hoso(['import', report, '--db', db]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/hết chỗ trống/);
    expect(r.stderr).not.toMatch(/Lỗi không mong muốn/);
    const json = hoso(['import', report, '--json', '--db', db]);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });

    const check = hoso(['check', '--json', '--db', db]);
    expect(check.code, check.stdout).toBe(0);
    expect(JSON.parse(check.stdout)).toMatchObject({ ok: true, counts: { meetings: 5 } });
  }, 180_000);
});
