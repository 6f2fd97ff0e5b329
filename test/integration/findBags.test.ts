import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findBags, nodeFindFs, type FindFs } from '../../services/archive/findBags';
import { previewMerge } from '../../services/archive/mergeApply';
import { exportArchive } from '../../services/archive/exportArchive';
import { EVERYTHING } from '../../services/archive/selection';
import { errorOf } from '../helpers/errors';
import { recordSession, type RecordSession } from '../helpers/recordSession';
import { tempDir } from '../helpers/tempArchive';
import { fillRecord, makeBag } from '../helpers/makeBag';

/**
 * Issue 17: the clerk picks the stick, not the bag folder on it. Bags are found in the folder chosen and
 * two levels below; one is merged as if it had been chosen, several are listed (and the CLI names them).
 */
let a: RecordSession;
let b: RecordSession;
let stick: { dir: string; cleanup: () => void };
beforeEach(async () => {
  a = await recordSession();
  b = await recordSession();
  stick = tempDir('hoso-stick-');
});
afterEach(() => {
  a.cleanup();
  b.cleanup();
  stick.cleanup();
});

describe('bags on a stick', () => {
  it('merges from the stick root when it holds one bag, lists several newest first, names what is missing', async () => {
    await fillRecord(a, { title: 'Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 12' });
    mkdirSync(join(stick.dir, 'System Volume Information'));
    writeFileSync(join(stick.dir, 'ghi-chu.txt'), 'không phải gói');
    const older = await makeBag(a.archive, join(stick.dir, 'HoSo', 'goi-thang-10'));

    // One bag two levels down: the root stands for it.
    const plan = await previewMerge(b.archive, stick.dir);
    expect(plan.counts.meetings.new).toBe(1);
    expect(plan.bag.name).toBe('goi-thang-10');

    // A second one, encrypted, as the export writes it: both listed, newest first, the choice left to the clerk.
    await fillRecord(a, { title: 'Giao ban Thường trực Tỉnh ủy tháng 11' });
    const exported = await exportArchive(
      a.archive,
      { dest: join(stick.dir, 'HoSo'), selection: EVERYTHING, passphrase: 'mật khẩu rất dài 2026' },
      { appVersion: 'test', actor: 'văn thư', scryptWorkFactor: 10 },
    );
    const found = await findBags(stick.dir);
    expect(found.map((f) => [f.encrypted, f.meetings])).toEqual([
      [true, null],
      [false, 1],
    ]);
    expect(found[0]!.path).toBe(exported.path);
    expect(found[1]).toMatchObject({ name: 'goi-thang-10', date: '2025-11-22' });
    expect(await errorOf(previewMerge(b.archive, stick.dir))).toMatch(
      /^MERGE_BAG_INVALID .*có 2 gói lưu trữ ở đây: .*goi-thang-10; hãy chọn một gói/,
    );

    // The bag folder itself, and a folder inside a bag, are that bag only.
    expect((await findBags(older)).map((f) => f.name)).toEqual(['goi-thang-10']);
    expect(await errorOf(previewMerge(b.archive, join(stick.dir, 'trong')))).toMatch(/^MERGE_BAG_INVALID/);
    await expect(findBags(`${stick.dir}\u0000x`)).rejects.toMatchObject({ code: 'MERGE_BAG_INVALID' });
    mkdirSync(join(stick.dir, 'trong'));
    expect(await errorOf(previewMerge(b.archive, join(stick.dir, 'trong')))).toMatch(
      /không có gói lưu trữ nào trong .*trong và hai cấp thư mục bên dưới/,
    );
  });

  it('reads only the head of a bag-info.txt, however large (a hostile stick)', async () => {
    await fillRecord(a, { title: 'Hội nghị có tệp bag-info khổng lồ' });
    const bag = await makeBag(a.archive, join(stick.dir, 'goi-lon'));
    // 20 MB of one line before the fields: the finder never holds it, and the count is unknown, not wrong.
    writeFileSync(join(bag, 'bag-info.txt'), `Ghi-Chu: ${'x'.repeat(20 * 1024 * 1024)}\nHoso-Meetings: 7\n`);
    const [found] = await findBags(stick.dir);
    expect(found).toMatchObject({ name: 'goi-lon', meetings: null, encrypted: false });
  });

  it('never blocks the host on a stick that stalls: each call is bounded, the slow folder left out', async () => {
    await fillRecord(a, { title: 'Hội nghị trên thẻ nhớ chậm' });
    await makeBag(a.archive, join(stick.dir, 'HoSo', 'goi-tot'));
    mkdirSync(join(stick.dir, 'Treo', 'Sau'), { recursive: true });
    const never = new Promise<never>(() => {});
    // A folder that never answers (a stick pulled halfway): its listing hangs.
    const stalling: FindFs = { ...nodeFindFs, list: (dir, max) => (dir.endsWith('Treo') ? never : nodeFindFs.list(dir, max)) };
    // The event loop stays free while the search waits: a timer fires meanwhile.
    let ticks = 0;
    const tick = setInterval(() => ticks++, 10);
    const started = Date.now();
    const found = await findBags(stick.dir, { fs: stalling, timeoutMs: 200 });
    clearInterval(tick);
    expect(found.map((f) => f.name)).toEqual(['goi-tot']);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(ticks).toBeGreaterThan(5);

    // A root that does not answer is said so, in time; a whole walk that drags stops at its budget.
    const deadRoot: FindFs = { ...nodeFindFs, stat: (p) => (p === stick.dir ? never : nodeFindFs.stat(p)) };
    expect(await errorOf(findBags(stick.dir, { fs: deadRoot, timeoutMs: 100 }))).toMatch(/^MERGE_BAG_INVALID .*không trả lời/);
    const slow: FindFs = {
      ...nodeFindFs,
      list: async (dir, max) => {
        await new Promise((r) => setTimeout(r, 150));
        return nodeFindFs.list(dir, max);
      },
    };
    const t0 = Date.now();
    await findBags(stick.dir, { fs: slow, timeoutMs: 1_000, budgetMs: 100 });
    expect(Date.now() - t0).toBeLessThan(1_000);
  });

  it('reads at most the first names of a folder with very many', async () => {
    let asked = 0;
    const counting: FindFs = {
      ...nodeFindFs,
      list: async (dir, max) => {
        asked = max;
        return nodeFindFs.list(dir, max);
      },
    };
    for (let i = 0; i < 30; i++) writeFileSync(join(stick.dir, `tep-${i}.txt`), '');
    await findBags(stick.dir, { fs: counting });
    expect(asked).toBeGreaterThan(0);
    expect(asked).toBeLessThanOrEqual(2_000);
    const listed = await nodeFindFs.list(stick.dir, 5);
    expect(listed).toHaveLength(5);
  });
});
