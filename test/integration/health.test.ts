import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Archive } from '../../db/open';
import { createContext } from '../../services/context';
import { createHandlers } from '../../services/handlers';
import { createDispatcher, directClient } from '../../services/dispatch';
import { silentLogger } from '../../services/log';
import { tempArchive } from '../helpers/tempArchive';
import { updateSettings } from '../../db/settings';
import { vi, viAll } from '../helpers/words';
import { translate } from '../../contract/messages/translate';

let archive: Archive;
let cleanup: () => void;
let call: ReturnType<typeof directClient>;

beforeEach(async () => {
  ({ archive, cleanup } = await tempArchive());
  call = directClient(createDispatcher(createHandlers(createContext(archive, 'direct', '0.0.0-test')), silentLogger));
  for (const title of ['Hội nghị Ban Thường vụ Đảng ủy', 'Giao ban công tác tháng 3']) {
    await call('meetings/create', { title, kind: 'Hội nghị', meetingDate: '2026-03-02', startTime: '08:00', endTime: null, minutesText: 'Đồng chí Bí thư kết luận.' });
  }
});
afterEach(() => cleanup());

describe('health page channels', () => {
  it('a healthy archive: size, index and audit chain good, no backup yet; Sao lưu ngay makes one that checks', async () => {
    const before = await call('health/status', {});
    expect(before).toMatchObject({
      archiveFile: archive.file,
      meetings: 2,
      backupCount: 0,
      lastBackup: null,
      index: { ok: true, documents: 2, mismatched: 0, structureError: null },
      audit: { ok: true, entries: 2, firstBrokenSeq: null },
    });
    expect(before.archiveBytes).toBeGreaterThan(10_000);

    await call('backups/create', {});
    const after = await call('health/status', {});
    expect(after.backupCount).toBe(1);
    expect(after.lastBackup?.ok).toBe(true);
    expect(vi(after.lastBackup!.message)).toContain('Bản sao lưu tốt: 2 cuộc họp');
    expect(translate('en', after.lastBackup!.message)).toContain('The backup is good: 2 meetings');
  });

  it('shows a backup damaged after it was checked as such', async () => {
    const made = await call('backups/create', {});
    expect((await call('health/status', {})).lastBackup).toMatchObject({ ok: true });
    const { writeFileSync } = await import('node:fs');
    writeFileSync(made.file, 'không phải cơ sở dữ liệu');
    const status = await call('health/status', {});
    expect(status.lastBackup).toMatchObject({ ok: false });
  });

  it('still opens when the stored backup folder cannot be used here, and says why on the backup line', async () => {
    // A row from an older version, or a Windows folder on Linux: written below the contract, as it exists.
    const unusable = process.platform === 'win32' ? 'Sao luu' : 'D:\\Sao luu';
    updateSettings(archive, { backupDir: unusable }, 'thư ký');
    const status = await call('health/status', {});
    expect(status.backupProblem?.message).toMatch(/^Thư mục sao lưu phải là đường dẫn đầy đủ.*Sao luu/);
    expect(status.lastBackup).toBeNull();
    expect(status.audit.ok).toBe(true);
    expect(status.index.ok).toBe(true);
  });

  it('names the first edited audit entry, and an index out of step until it is rebuilt', async () => {
    archive.sqlite.prepare("UPDATE audit_log SET actor = 'người khác' WHERE seq = 2").run();
    archive.sqlite.exec('DELETE FROM search_docs WHERE docid = (SELECT min(docid) FROM search_docs)');
    const status = await call('health/status', {});
    expect(status.audit).toEqual({ ok: false, entries: 2, firstBrokenSeq: 2 });
    expect(status.index).toMatchObject({ ok: false, mismatched: 1 });

    await call('search/rebuild', {});
    expect((await call('health/status', {})).index).toMatchObject({ ok: true, mismatched: 0 });
  });

  it('verifies integrity: quick on the open archive, full like hoso check', async () => {
    expect(await call('health/verify', {})).toMatchObject({ kind: 'quick', ok: true, problems: [] });
    const full = await call('health/verify', { full: true });
    expect(full).toMatchObject({ kind: 'full', ok: true, problems: [] });
    archive.sqlite.prepare("UPDATE audit_log SET actor = 'người khác' WHERE seq = 1").run();
    const broken = await call('health/verify', { full: true });
    expect(broken.ok).toBe(false);
    expect(viAll(broken.problems).join('\n')).toContain('Nhật ký thay đổi bị sửa hoặc xóa từ mục số 1');
  });
});
